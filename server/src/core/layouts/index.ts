/** The table layouts the parser reads and the fixes write, by id. */

import type { Layout } from '../model';
import { CELLS } from './cells';
import { HTML } from './html';
import { PIPE } from './pipe';
import { TAB } from './tab';
import type { LayoutModule } from './types';

export type { LayoutModule, RawCell } from './types';

export const LAYOUTS: Readonly<Record<Layout, LayoutModule>> = { tab: TAB, cells: CELLS, pipe: PIPE, html: HTML };

export function isLayout(v: unknown): v is Layout {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(LAYOUTS, v);
}
