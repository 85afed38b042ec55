import { LockButton } from '../lock/LockButton.tsx';
import { useLock } from '../lock/LockProvider.tsx';
import { PresentationSwitch } from '../presentation/PresentationSwitch.tsx';
import { useProfiles } from '../profiles/ProfilesProvider.tsx';
import { SampleBadge } from '../sample/SampleAction.tsx';
import { LocaleSwitch } from './LocaleSwitch.tsx';
import { NewProfileForm } from './NewProfileForm.tsx';
import { ProfileSwitcher } from './ProfileSwitcher.tsx';
import './Header.css';

export function Header() {
  const { selected } = useProfiles();
  const { status } = useLock();
  // While locked nothing but the unlock screen acts: main would refuse a new profile anyway.
  const open = selected !== null && status?.locked !== true;
  return (
    <header className="topbar">
      <ProfileSwitcher />
      {/* Every page of a sample profile says so, beside its name. */}
      {selected?.sample && <SampleBadge header />}
      {/* Until a profile exists the form lives in the first-profile panel; one copy on screen keeps its test ids unique. */}
      {open && <NewProfileForm compact />}
      <div className="topbar-end">
        <PresentationSwitch />
        {open && <LockButton />}
        <LocaleSwitch />
      </div>
    </header>
  );
}
