// When a profile opens, the main process is asked to prepare its what-if (`whatif.prepare`: the
// baseline of the default timeline made in steps between other requests, the scenario paths run
// once on made-up scenarios), so the What-if page's first answer and first edits find them ready.
// Asked a moment after the opening page's own requests, so they go first. Nothing of it is shown:
// a failure here is the What-if page's to report when it asks for its answer.

import { useEffect } from 'react';
import { invoke } from '../api.ts';

/** After the opening page's first requests (ms). */
const PREPARE_AFTER_MS = 800;

export function WhatIfPreparation({ profileId }: { profileId: string }): null {
  useEffect(() => {
    const timer = setTimeout(() => void invoke('whatif.prepare', { profileId }).catch(() => undefined), PREPARE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [profileId]);
  return null;
}
