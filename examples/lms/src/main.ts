// The course editor: one shared client for <media-library>; selecting one ready file lets a lesson
// use it, which records a usage on the server; the lessons are rebuilt from those usages on load.
import { createMediaClient } from '@mediabay/core';
import type { MediaFile } from '@mediabay/core/protocol';
import '@mediabay/elements';
import type { MediaLibrary } from '@mediabay/elements';
import { COURSE, initialState, reduce, type EditorEvent, type Lesson } from './course.js';
import { renderLessons } from './render.js';
import { addUsage, removeUsage } from './usages.js';

const ENDPOINT = '/api/media';
const client = createMediaClient({ endpoint: ENDPOINT });
const library = document.querySelector<MediaLibrary>('media-library')!;
const lessons = document.getElementById('lessons')!;
const hint = document.getElementById('hint')!;
library.client = client;
document.getElementById('course-title')!.textContent = COURSE.title;

let state = initialState;

function dispatch(event: EditorEvent): void {
  state = reduce(state, event);
  renderLessons(lessons, COURSE, state, { attach, detach });
  hint.textContent =
    state.error ??
    (state.selected
      ? `“${state.selected.name}” is selected: choose a lesson to use it.`
      : 'Select a file in the course media (upload one if needed), then pick a lesson for it.');
  hint.classList.toggle('error', !!state.error);
}

async function attach(lesson: Lesson): Promise<void> {
  const file = state.selected;
  if (!file) return;
  const previous = state.media[lesson.id];
  dispatch({ type: 'saving', lessonId: lesson.id });
  try {
    if (previous) await removeUsage(ENDPOINT, previous.id, { courseId: COURSE.id, lessonId: lesson.id });
    await addUsage(ENDPOINT, file.id, { courseId: COURSE.id, lessonId: lesson.id });
    dispatch({ type: 'attached', lessonId: lesson.id, file });
    library.notify(`${lesson.title} now uses ${file.name}`);
  } catch (error) {
    dispatch({ type: 'failed', message: `Could not update ${lesson.title}: ${(error as Error).message}` });
  }
}

async function detach(lesson: Lesson): Promise<void> {
  const file = state.media[lesson.id];
  if (!file) return;
  dispatch({ type: 'saving', lessonId: lesson.id });
  try {
    await removeUsage(ENDPOINT, file.id, { courseId: COURSE.id, lessonId: lesson.id });
    dispatch({ type: 'detached', lessonId: lesson.id });
  } catch (error) {
    dispatch({ type: 'failed', message: `Could not update ${lesson.title}: ${(error as Error).message}` });
  }
}

// Only a file that is on the server and ready can be used by a lesson.
library.addEventListener('mb-selection-change', (event) => {
  const ids = event.detail.ids;
  const file: MediaFile | undefined =
    ids.length === 1
      ? library.items.find((item) => item.id === ids[0] && item.status === 'ready')
      : undefined;
  dispatch({ type: 'selected', file });
});

dispatch({ type: 'selected', file: undefined });
client.library.list({ courseId: COURSE.id, limit: 200 }).then(
  (page) => dispatch({ type: 'restored', files: page.items, courseId: COURSE.id }),
  (error: Error) =>
    dispatch({ type: 'failed', message: `Could not load the course media: ${error.message}` }),
);
