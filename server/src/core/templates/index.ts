/**
 * The known report formats and what every module asks of a template: headings, row names, columns by name, and a
 * cache for what is built once per template (label indexes, equations, compiled patterns).
 */

import { TEMPLATE_2019 } from './2019';
import { TEMPLATE_2021 } from './2021';
import type { RowSpec, SectionSpec, TableSpec, Template, ValueKind } from './types';

export type * from './types';
export { TEMPLATE_2019, TEMPLATE_2021 };

/** Every format the checker reads, newest first; the first is the default. */
export const TEMPLATES: readonly Template[] = [TEMPLATE_2021, TEMPLATE_2019];
export const DEFAULT_TEMPLATE = TEMPLATE_2021;

export function templateById(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** The format that replaced this one, when it is known. */
export function successorOf(template: Template): Template | undefined {
  return template.successor ? templateById(template.successor) : undefined;
}

/** Formats this one replaced: their labels, seen in a report, mark a table as left in an older format. */
export function predecessorsOf(template: Template): Template[] {
  return TEMPLATES.filter((t) => t.successor === template.id);
}

/** A function of a template, computed once per template. */
export function perTemplate<T>(build: (template: Template) => T): (template: Template) => T {
  const cache = new WeakMap<Template, T>();
  return (template) => {
    let hit = cache.get(template);
    if (hit === undefined) {
      hit = build(template);
      cache.set(template, hit);
    }
    return hit;
  };
}

/** The official heading of a section, e.g. `一、总体情况`. */
export function officialHeading(section: SectionSpec): string {
  return `${section.numeral}、${section.title}`;
}

export function tableSpec(template: Template, id: string): TableSpec | undefined {
  return template.tables.find((t) => t.id === id);
}

/** The template row with the given id. */
export function rowSpec(table: TableSpec, id: string): RowSpec | undefined {
  return table.rows.find((r) => r.id === id);
}

/** Index of a named column, -1 when the table has no such column. */
export function columnIndex(table: TableSpec, name: string): number {
  return table.columns.indexOf(name);
}

/** What a column's cells hold. */
export function columnKind(table: TableSpec, column: number): ValueKind {
  return table.columnKinds?.[column] ?? table.valueKind;
}

/** A row's name in messages: its label with the group's ordinal (`（三）1.属于国家秘密`), notes in brackets left out. */
export function rowName(table: TableSpec, row: RowSpec): string {
  if (table.shape === 'single-row') return table.name;
  const label = row.label.replace(/（[^（）]*）$/u, '');
  const group = row.group ? table.groups.find((g) => g.id === row.group) : undefined;
  if (group?.parent && /^\d/u.test(label))
    return `${group.label.replace(/[^（）一二三四五六七八九十]+$/u, '')}${label}`;
  return label;
}

/** The order of the sections as the template numbers them: `一至六`. */
export function sectionRange(template: Template): string {
  const s = template.sections;
  return `${s[0]?.numeral ?? ''}至${s[s.length - 1]?.numeral ?? ''}`;
}

/** The template a table was read under: its own older format, or the report's. */
export function templateOf(report: { readonly template: Template }, table: { readonly template?: string }): Template {
  return (table.template !== undefined ? templateById(table.template) : undefined) ?? report.template;
}

/** The spec of a report's table, in the format it was read under. */
export function specOf(
  report: { readonly template: Template },
  table: { readonly id: string; readonly template?: string },
): TableSpec | undefined {
  return tableSpec(templateOf(report, table), table.id);
}
