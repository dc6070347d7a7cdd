/**
 * The local profile (name and role) recorded on every annotation, history entry and sign-off. It
 * lives in the user's Parity folder, not in a workspace: the same person works on many.
 */
import fs from 'node:fs';
import path from 'node:path';
import { profileSchema, type Profile } from '../../shared/annotations.js';
import { ParityError } from '../../shared/errors.js';

export class ProfileStore {
  constructor(private readonly home: string) {}

  private get file(): string {
    return path.join(this.home, 'profile.json');
  }

  read(): Profile | null {
    try {
      const parsed = profileSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Who is acting; a change without a profile is refused, so no history entry is anonymous. */
  require(): Profile {
    const profile = this.read();
    if (!profile) throw new ParityError('no_profile', 'Set your name and role first: every change records who made it.');
    return profile;
  }

  write(profile: Profile): Profile {
    fs.mkdirSync(this.home, { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(profile, null, 2)}\n`);
    fs.renameSync(tmp, this.file);
    return profile;
  }
}
