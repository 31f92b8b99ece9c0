/** The app's live classroom in React context (made in main.tsx beside the stores). */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ClassState } from '../../../store/classStore.ts';
import type { LiveClassroom } from './liveClassroom.ts';

const LiveClassroomContext = createContext<LiveClassroom | null>(null);

export function LiveClassroomProvider({ classroom, children }: { classroom: LiveClassroom; children: ReactNode }) {
  return <LiveClassroomContext.Provider value={classroom}>{children}</LiveClassroomContext.Provider>;
}

export function useLiveClassroom(): LiveClassroom {
  const classroom = useContext(LiveClassroomContext);
  if (!classroom) throw new Error('useLiveClassroom: no <LiveClassroomProvider> above this component');
  return classroom;
}

/** A value of the live classroom's state (re-renders when it changes). */
export function useClassState<T>(selector: (state: ClassState) => T): T {
  return useStore(useLiveClassroom().state, selector);
}
