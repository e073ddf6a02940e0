// The sample app's canvases: a meeting booking form (text, inputs, a single-select, buttons, a sheet),
// its configure step (meeting length) and the booked meeting, a live canvas built from stored_data.

export type Json = Record<string, unknown>;

export const SLOTS = [
  { id: 'mon-10', text: 'Monday 10:00' },
  { id: 'tue-14', text: 'Tuesday 14:00' },
  { id: 'thu-09', text: 'Thursday 09:30' },
];

const option = ({ id, text }: { id: string; text: string }) => ({ type: 'option', id, text });

export function configureCanvas(): Json {
  return {
    canvas: {
      content: {
        components: [
          { type: 'text', text: 'Set up meeting booking', style: 'header' },
          { type: 'single-select', id: 'duration', label: 'Meeting length', value: '30', options: ['15', '30', '60'].map((m) => option({ id: m, text: `${m} minutes` })) },
          { type: 'button', id: 'save_setup', label: 'Use this length', action: { type: 'submit' } },
        ],
      },
    },
  };
}

export interface FormState {
  duration: string;
  name?: string;
  email?: string;
  slot?: string;
  note?: string;
  error?: string;
}

/** `withSheet`: the Messenger only (the Inbox has no sheets). */
export function bookingForm(state: FormState, sheetUrl: string | undefined): Json {
  const components: Json[] = [
    { type: 'text', text: 'Book a meeting', style: 'header' },
    { type: 'text', text: `A **${state.duration}-minute** call with our team. [What to expect](https://www.intercom.com/help)` },
    { type: 'input', id: 'name', label: 'Your name', placeholder: 'Hermione Granger', value: state.name ?? '' },
    { type: 'input', id: 'email', label: 'Email', placeholder: 'you@example.com', value: state.email ?? '' },
    { type: 'single-select', id: 'slot', label: 'Pick a time', options: SLOTS.map(option), ...(state.slot ? { value: state.slot } : {}) },
  ];
  if (state.note) components.push({ type: 'text', text: `Note: ${state.note}`, style: 'muted' });
  if (state.error) components.push({ type: 'text', text: state.error, style: 'error' });
  components.push({ type: 'button', id: 'book', label: 'Book meeting', style: 'primary', action: { type: 'submit' } });
  if (sheetUrl) components.push({ type: 'button', id: 'add_note', label: state.note ? 'Edit the note' : 'Add a note', style: 'secondary', action: { type: 'sheet', url: sheetUrl } });
  return { canvas: { content: { components }, stored_data: { duration: state.duration, ...(state.note ? { note: state.note } : {}) } } };
}

export interface Booking {
  name: string;
  email: string;
  slot: string;
  duration: string;
  note?: string;
}

/** Booked: a live canvas, so the card shows the booking as it is now each time it is viewed. */
export function bookedCanvas(booking: Booking, liveUrl: string): Json {
  return { canvas: { content_url: liveUrl, stored_data: { booking } }, event: { type: 'completed' } };
}

export function bookingContent(booking: Booking): Json {
  const slot = SLOTS.find((s) => s.id === booking.slot)?.text ?? booking.slot;
  return {
    content: {
      components: [
        { type: 'text', text: `**Booked.** See you ${slot}.`, style: 'header' },
        {
          type: 'data-table',
          items: [
            { type: 'field-value', field: 'Name', value: booking.name },
            { type: 'field-value', field: 'Email', value: booking.email },
            { type: 'field-value', field: 'Length', value: `${booking.duration} minutes` },
            ...(booking.note ? [{ type: 'field-value', field: 'Note', value: booking.note }] : []),
          ],
        },
        { type: 'divider' },
        { type: 'button', id: 'change', label: 'Change the booking', style: 'secondary', action: { type: 'submit' } },
      ],
    },
  };
}
