// The mask in force, for the formatters in format.ts: plain functions that helpers such as
// whatif/format.ts call outside any component, so they cannot read a context. Only
// PresentationProvider writes it, during its render and before any descendant renders, so every
// render reads the value its context carries.

import { NO_MASK, type PresentationMask } from '../../../core/shared/presentation-mask.ts';

const state: { mask: PresentationMask } = { mask: NO_MASK };

export function currentMask(): PresentationMask {
  return state.mask;
}

export function setCurrentMask(mask: PresentationMask): void {
  state.mask = mask;
}
