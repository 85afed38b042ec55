import { useProfiles } from '../profiles/ProfilesProvider.tsx';
import { LocaleSwitch } from './LocaleSwitch.tsx';
import { NewProfileForm } from './NewProfileForm.tsx';
import { ProfileSwitcher } from './ProfileSwitcher.tsx';
import './Header.css';

export function Header() {
  const { selected } = useProfiles();
  return (
    <header className="topbar">
      <ProfileSwitcher />
      {/* Until a profile exists the form lives in the first-profile panel; one copy on screen keeps its test ids unique. */}
      {selected !== null && <NewProfileForm compact />}
      <div className="topbar-end">
        <LocaleSwitch />
      </div>
    </header>
  );
}
