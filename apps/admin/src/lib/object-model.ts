import { nextTick, type Ref } from 'vue';

/**
 * Changes fields of an object bound with v-model. Each change emits a new
 * object built on the last one this component emitted in the same tick, not
 * on the prop: the parent passes the new object back only when it next
 * renders, so two fields changed in one tick (browser autofill, a date picker
 * committing its value while the next field takes input) would otherwise
 * lose all but the last change. A change that depends on the current value
 * is given as a function of it, so it too sees the changes made before it.
 */
export function useObjectModel<T extends object>(
  model: Ref<T>,
): (changes: Partial<T> | ((current: T) => Partial<T>)) => void {
  let latest: T | null = null;
  return (changes) => {
    const current = latest ?? model.value;
    latest = { ...current, ...(typeof changes === 'function' ? changes(current) : changes) };
    model.value = latest;
    void nextTick(() => {
      latest = null;
    });
  };
}
