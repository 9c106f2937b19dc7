/** The one context every check reads, built once per report. */

import type { Report } from '../model';
import { grids, type Grid } from '../sums';
import type { Template } from '../templates/index';
import { sumCorrections } from './totals';
import type { CheckContext } from './types';

export class ReportContext implements CheckContext {
  readonly template: Template;
  private gridsMemo: Grid[] | undefined;
  private correctionsMemo: ReadonlyMap<number, number> | undefined;
  private readonly memo = new Map<object, unknown>();

  constructor(readonly report: Report) {
    this.template = report.template;
  }

  get grids(): readonly Grid[] {
    return (this.gridsMemo ??= grids(this.report));
  }

  get corrections(): ReadonlyMap<number, number> {
    return (this.correctionsMemo ??= sumCorrections(this));
  }

  shared<T>(key: object, build: (ctx: CheckContext) => T): T {
    if (!this.memo.has(key)) this.memo.set(key, build(this));
    return this.memo.get(key) as T;
  }
}
