/**
 * Explaining differences in the workbench: who the analyst is, which annotate or promote dialog is open,
 * and a version that tells counts and grids an annotation or a sign-off changed what they show.
 */
import { create } from 'zustand';
import type { AnnotationFields, Profile } from '../../shared/annotations';
import type { ArgsOf } from '../../shared/api';
import type { DrillFilter } from '../../shared/compare';
import { api } from '../api/client';

export type AnnotateTarget = ArgsOf<'annotations.set'>['target'];

export interface AnnotateRequest {
  /** What is being annotated, in words: "exception 1042", "3 selected exceptions", "all of APAC · March". */
  title: string;
  /** How many exceptions the target holds, when known. */
  size: number | null;
  target: AnnotateTarget;
  initial?: AnnotationFields;
}

export interface PromoteRequest {
  path: DrillFilter[];
  column: string | null;
  size: number | null;
}

interface NotesState {
  /** undefined until the engine has said; null when nobody has set a profile on this machine. */
  profile: Profile | null | undefined;
  editingProfile: boolean;
  annotate: AnnotateRequest | null;
  promote: PromoteRequest | null;
  /** Bumped whenever annotations, rules or sign-offs change. */
  version: number;
  loadProfile(): Promise<void>;
  saveProfile(profile: Profile): Promise<void>;
  editProfile(open: boolean): void;
  openAnnotate(request: AnnotateRequest | null): void;
  openPromote(request: PromoteRequest | null): void;
  /** Writes the annotation; resolves once the engine has it on disk (that is when the UI says "saved"). */
  save(request: AnnotateRequest, fields: AnnotationFields): Promise<{ changed: number; matched: number }>;
  changed(): void;
}

export const useNotes = create<NotesState>((set, get) => ({
  profile: undefined,
  editingProfile: false,
  annotate: null,
  promote: null,
  version: 0,
  async loadProfile() {
    const profile = await api().call('profile.get', {});
    set({ profile, editingProfile: profile === null });
  },
  async saveProfile(profile) {
    set({ profile: await api().call('profile.set', { profile }), editingProfile: false });
  },
  editProfile: (editingProfile) => set({ editingProfile }),
  openAnnotate: (annotate) => set({ annotate }),
  openPromote: (promote) => set({ promote }),
  async save(request, fields) {
    const result = await api().call('annotations.set', { target: request.target, fields });
    get().changed();
    return result;
  },
  changed: () => set((s) => ({ version: s.version + 1 })),
}));
