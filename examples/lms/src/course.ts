// The course being edited and which media each lesson uses, as data: a reducer over lesson events,
// so the page renders from one value and the server's usages rebuild it after a reload.
import type { MediaFile } from '@mediabay/core/protocol';

export interface Lesson {
  id: string;
  title: string;
  summary: string;
}

export interface Course {
  id: string;
  title: string;
  lessons: Lesson[];
}

export const COURSE: Course = {
  id: 'photo-101',
  title: 'Photography 101',
  lessons: [
    { id: 'lesson-1', title: 'Light and exposure', summary: 'Aperture, shutter speed and ISO.' },
    { id: 'lesson-2', title: 'Composition', summary: 'Rule of thirds, leading lines, framing.' },
    { id: 'lesson-3', title: 'Editing your shots', summary: 'Crop, colour and export.' },
  ],
};

export interface EditorState {
  /** lesson id -> the file it uses */
  media: Record<string, MediaFile | undefined>;
  /** the one ready file selected in the library, if exactly one is */
  selected: MediaFile | undefined;
  /** lesson id whose change is being saved */
  saving: string | undefined;
  error: string | undefined;
}

export type EditorEvent =
  | { type: 'restored'; files: MediaFile[]; courseId: string }
  | { type: 'selected'; file: MediaFile | undefined }
  | { type: 'saving'; lessonId: string }
  | { type: 'attached'; lessonId: string; file: MediaFile }
  | { type: 'detached'; lessonId: string }
  | { type: 'failed'; message: string };

export const initialState: EditorState = {
  media: {},
  selected: undefined,
  saving: undefined,
  error: undefined,
};

export function reduce(state: EditorState, event: EditorEvent): EditorState {
  switch (event.type) {
    case 'restored': {
      const media: EditorState['media'] = {};
      for (const file of event.files)
        for (const usage of file.usages)
          if (usage.courseId === event.courseId && usage.lessonId) media[usage.lessonId] = file;
      return { ...state, media };
    }
    case 'selected':
      return { ...state, selected: event.file };
    case 'saving':
      return { ...state, saving: event.lessonId, error: undefined };
    case 'attached':
      return { ...state, saving: undefined, media: { ...state.media, [event.lessonId]: event.file } };
    case 'detached':
      return { ...state, saving: undefined, media: { ...state.media, [event.lessonId]: undefined } };
    case 'failed':
      return { ...state, saving: undefined, error: event.message };
  }
}
