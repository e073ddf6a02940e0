// The sample app's sheet: an HTML page that loads Intercom's Messenger Sheet Library from its CDN (the
// simulator puts its stand-in there) and hands the note back with submitSheet.

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const SHEET_LIBRARY_URL = 'https://js.intercomcdn.com/messenger-sheet-library.latest.js';

export function notePage(userName: string, note: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Add a note</title>
  <script src="${SHEET_LIBRARY_URL}"></script>
</head>
<body>
  <p>A note for the meeting with ${escapeHtml(userName)}:</p>
  <textarea id="note" rows="4" cols="40">${escapeHtml(note)}</textarea>
  <p><button id="save">Save note</button> <button id="cancel">Cancel</button></p>
  <script>
    document.getElementById('save').addEventListener('click', function () {
      INTERCOM_MESSENGER_SHEET_LIBRARY.submitSheet({ note: document.getElementById('note').value });
    });
    document.getElementById('cancel').addEventListener('click', function () {
      INTERCOM_MESSENGER_SHEET_LIBRARY.closeSheet();
    });
  </script>
</body>
</html>
`;
}

export function refusedPage(): string {
  return '<!doctype html><title>Not from Intercom</title><p>This sheet could not confirm the request came from Intercom.</p>\n';
}
