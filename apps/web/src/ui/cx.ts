// Joins CSS class names, skipping the ones whose condition is false.
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}
