// Renders the lesson list from the editor state: each lesson shows its media (or none) and the
// buttons to use the library's selected file or to remove the one it has.
import type { MediaFile } from '@mediabay/core/protocol';
import type { Course, EditorState, Lesson } from './course.js';

export interface LessonActions {
  attach(lesson: Lesson): void;
  detach(lesson: Lesson): void;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function mediaView(file: MediaFile | undefined): HTMLElement {
  if (!file) return el('p', { className: 'media none', textContent: 'No media yet' });
  const figure = el('figure', { className: 'media' });
  figure.dataset.fileId = file.id;
  if (file.thumbnailUrl) figure.append(el('img', { src: file.thumbnailUrl, alt: '' }));
  figure.append(el('figcaption', { textContent: file.name }));
  return figure;
}

export function renderLessons(
  list: HTMLElement,
  course: Course,
  state: EditorState,
  actions: LessonActions,
): void {
  const selected = state.selected;
  list.replaceChildren(
    ...course.lessons.map((lesson) => {
      const file = state.media[lesson.id];
      const busy = state.saving === lesson.id;
      const attach = el('button', {
        type: 'button',
        className: 'primary',
        disabled: !selected || busy || selected.id === file?.id,
        textContent: selected ? `Use “${selected.name}”` : 'Use selected media',
        onclick: () => actions.attach(lesson),
      });
      const detach = el('button', {
        type: 'button',
        disabled: !file || busy,
        textContent: 'Remove',
        onclick: () => actions.detach(lesson),
      });
      const item = el('li', { className: 'lesson' }, [
        el('h3', { textContent: lesson.title }),
        el('p', { className: 'summary', textContent: lesson.summary }),
        mediaView(file),
        el('div', { className: 'actions' }, [attach, detach]),
      ]);
      item.dataset.lessonId = lesson.id;
      item.setAttribute('aria-busy', String(busy));
      return item;
    }),
  );
}
