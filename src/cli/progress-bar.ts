/**
 * A one-line progress bar on stderr: redrawn in place on a terminal, and on other streams (a log, a
 * test) written as whole lines at most every tenth of the work, so logs stay short.
 */
export interface ProgressBar {
  update(done: number, total: number, label: string): void;
  finish(message: string): void;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr, width = 30): ProgressBar {
  const interactive = stream.isTTY === true;
  let lastTenth = -1;
  return {
    update(done, total, label) {
      const ratio = total === 0 ? 1 : done / total;
      const filled = Math.round(ratio * width);
      const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${label}`;
      if (interactive) {
        stream.write(`\r${line}\u001b[K`);
        return;
      }
      const tenth = Math.floor(ratio * 10);
      if (tenth !== lastTenth || done === total) stream.write(`${line}\n`);
      lastTenth = tenth;
    },
    finish(message) {
      stream.write(`${interactive ? '\r\u001b[K' : ''}${message}\n`);
    },
  };
}
