/**
 * A saved opinion form changes what the workflow bar may offer (its `blocking` list), and the bar
 * lives in another part of the page; a link in the bar's list opens an item's form. Both go through
 * these two tiny channels instead of threading callbacks through the app shell.
 */
type Listener<T> = (value: T) => void;

function channel<T>() {
  const listeners = new Set<Listener<T>>();
  return {
    emit: (value: T) => listeners.forEach((listener) => listener(value)),
    subscribe: (listener: Listener<T>) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** A form was saved for this unit-year ("unitCode/year"). */
export const opinionsChanged = channel<string>();

/** Open the form of this item (its dom key: a project code or 'overall'). */
export const openOpinionItem = channel<string>();
