// When a profile opens, the main process is asked to prepare its what-if (`whatif.prepare`: the
// baseline of the default timeline made in steps between other requests, the scenario paths run
// once on made-up scenarios), so the What-if page's first answer and first edits find them ready.
// Asked a moment after the page's own requests, so they go first; and asked again a moment after
// any later call was answered, since an import, an edit or a derivation may have moved the data
// the preparation was made from: main reads the data version (one row) and answers at once when
// nothing moved (core/whatif/warm-up.ts prepares a base once), or prepares the new base, starting
// from what the change left alone. The What-if page's own calls do not count: they do the work
// themselves, and they stop a preparation under way; nor do the lock's, which move no data.
// Nothing of it is shown: a failure here is the What-if page's to report when it asks for its answer.

import { useEffect } from 'react';
import type { Channel } from '../../../core/ipc/contract.ts';
import { invoke, onAnswered } from '../api.ts';

/** After the last call answered (ms): the page's requests of a burst go first. */
const PREPARE_AFTER_MS = 800;

/** Calls after which nothing is asked: the what-if's own (the preparation's answer among them), and the lock's. */
function leavesPreparation(channel: Channel): boolean {
  return channel.startsWith('whatif.') || channel.startsWith('lock.');
}

export function WhatIfPreparation({ profileId }: { profileId: string }): null {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const askSoon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void invoke('whatif.prepare', { profileId }).catch(() => undefined), PREPARE_AFTER_MS);
    };
    askSoon();
    const off = onAnswered((channel) => {
      if (!leavesPreparation(channel)) askSoon();
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [profileId]);
  return null;
}
