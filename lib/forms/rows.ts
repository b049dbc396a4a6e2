/**
 * Rows of an editable list posted under flat names ("criteria.0.name"),
 * rebuilt as objects in index order. Only the listed fields are kept, so a
 * forged form cannot add properties; a missing or empty id becomes undefined.
 */
export function rowsFromForm(formData: FormData, list: string, fields: readonly string[]) {
  const rows = new Map<number, Record<string, string>>();
  const pattern = new RegExp(`^${list}\\.(\\d{1,2})\\.([A-Za-z]+)$`);
  for (const [key, value] of formData.entries()) {
    const m = pattern.exec(key);
    if (!m || typeof value !== "string" || !fields.includes(m[2])) continue;
    const index = Number(m[1]);
    rows.set(index, { ...rows.get(index), [m[2]]: value });
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => ({ ...row, name: row.name ?? "", id: row.id || undefined }));
}
