/**
 * The department page's 打印 button asks the print page to open the browser's print dialog once it has
 * drawn the document; opening the page by its address (a bookmark, a test) only shows it.
 */
let requested = false;

export function requestPrint(): void {
  requested = true;
}

export function takePrintRequest(): boolean {
  const asked = requested;
  requested = false;
  return asked;
}
