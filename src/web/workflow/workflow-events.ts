import { useEffect } from 'react';

/**
 * A workflow step was taken for this unit-year ("unitCode/year"): every part of the page that reads
 * the workflow (the editing hook, the import button, the returned comments) reads it again, without
 * threading callbacks through pages other helpers own.
 */
const listeners = new Set<(key: string) => void>();

export function workflowChanged(unitCode: string, year: number): void {
  for (const listener of listeners) listener(`${unitCode}/${year}`);
}

/** Calls `reload` after a step on this unit-year. */
export function useOnWorkflowChange(unitCode: string, year: number, reload: () => void): void {
  useEffect(() => {
    const key = `${unitCode}/${year}`;
    const listener = (changed: string) => changed === key && reload();
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, [unitCode, year, reload]);
}
