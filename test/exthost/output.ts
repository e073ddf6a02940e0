// The suite's output in the host is tagged so the offline runner can show it apart from the
// workbench's own log lines (both arrive through window.codeAutomationLog).
export const TAG = '[intercom-test] ';

export function testOutput(text: string): void {
  console.log(text.split('\n').map((l) => TAG + l).join('\n'));
}
