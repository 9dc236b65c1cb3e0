// English strings, the default locale. Other locales implement the same `MediabayStrings` shape,
// so a missing translation is a type error rather than a blank label.
import type { NotAcceptingReason, UploadStatus } from '@mediabay/core';
import type { AuditAction, MediaType, SortKey } from '@mediabay/core/protocol';
import { formatCount, formatPlural } from '../shared/format.js';
import { enUploadErrors } from './upload-errors.js';

export interface MediabayStrings {
  /** BCP 47 tag handed to Intl for numbers, units and dates */
  locale: string;
  dir: 'ltr' | 'rtl';
  status: Record<UploadStatus, string>;
  mediaType: Record<MediaType, string>;
  // upload-panel
  panelLabel: string;
  panelUploading: (count: number) => string;
  panelDone: (count: number) => string;
  panelFailed: (count: number) => string;
  timeLeft: (time: string) => string;
  /** an upload whose bytes are all sent, until the server's answer */
  finishing: string;
  /** uploads finished out of all in the panel */
  panelProgress: (done: number, total: number) => string;
  sizeOf: (done: string, total: string) => string;
  minimize: string;
  maximize: string;
  dismiss: string;
  pause: (name: string) => string;
  resume: (name: string) => string;
  cancel: (name: string) => string;
  retry: (name: string) => string;
  pauseAll: string;
  resumeAll: string;
  cancelAll: string;
  chooseAgain: (name: string) => string;
  waitingForFile: string;
  processingStage: (stage: string) => string;
  announceStarted: (name: string) => string;
  announceFinished: (name: string) => string;
  announceFailed: (name: string, reason: string) => string;
  progressOf: (name: string) => string;
  /** why an upload failed, by `UploadError.code` (every code of core's UPLOAD_ERROR_CODES) */
  uploadErrors: Readonly<Record<string, string>>;
  retryAllFailed: string;
  /** a row waiting to be tried again by itself: no connection / the server asked to wait */
  waitingConnection: string;
  /** `seconds` until the next try, null while unknown */
  waitingServer: (seconds: number | null) => string;
  /** the batch is over: `failed` of its files did not make it */
  batchDone: (done: number, failed: number) => string;
  announcePaused: (name: string) => string;
  announceResumed: (name: string) => string;
  announceCanceled: (name: string) => string;
  /** the library's button that brings the dismissed upload panel back */
  showUploads: (count: number) => string;
  /** the library's socket is down: it refreshes on an interval */
  livePaused: string;
  livePausedHint: string;
  /** said once when the client finds a plain tus server with no library API behind `endpoint` */
  serverMissing: string;
  /** while dragging: some of the files will be refused */
  dropPartial: string;
  /** the end of a long announcement: "and 9,997 more" */
  andMore: (count: number) => string;
  /** the remove button of a tag chip in the details pane */
  removeTag: (tag: string) => string;
  // upload-dropzone
  dropTitle: string;
  dropHint: string;
  browse: string;
  dropHere: string;
  dropRejected: string;
  rejectedTitle: (count: number) => string;
  clearRejected: string;
  folderEmpty: (name: string) => string;
  /** why a file was refused, by rejection code; `fallback` is the client's own (English) sentence */
  rejectionReason: (code: string, fallback: string) => string;
  /** why the client takes no files now (`client.$accepting`) */
  notAccepting: Record<NotAcceptingReason, string>;
  // media-library
  libraryLabel: string;
  search: string;
  allTypes: string;
  sortBy: string;
  sortKey: Record<SortKey, string>;
  ascending: string;
  descending: string;
  gridView: string;
  listView: string;
  selectAll: string;
  clearSelection: string;
  selectedCount: (count: number) => string;
  deleteSelected: string;
  addTag: string;
  tagPrompt: string;
  upload: string;
  itemCount: (count: number) => string;
  loading: string;
  emptyTitle: string;
  emptyHint: string;
  noMatches: string;
  loadError: string;
  tryAgain: string;
  columnName: string;
  columnSize: string;
  columnType: string;
  columnDate: string;
  // dialogs and toasts
  confirmDeleteTitle: (count: number) => string;
  confirmDeleteBody: string;
  confirmDelete: string;
  confirmCancel: string;
  close: string;
  preview: (name: string) => string;
  details: string;
  rename: string;
  tags: string;
  noTags: string;
  usages: string;
  noUsages: string;
  save: string;
  deleted: (count: number) => string;
  deleteFailed: string;
  /** the toast's button after a delete */
  undo: string;
  download: string;
  /** the prompt for a file whose name and size match a library file */
  duplicateTitle: string;
  duplicateBody: (name: string) => string;
  duplicateApplyAll: (remaining: number) => string;
  duplicateKeep: string;
  duplicateReplace: string;
  duplicateSkip: string;
  /** the admins' Activity view (the audit log) */
  activity: string;
  activityAction: string;
  activityAllActions: string;
  activityUser: string;
  activityFrom: string;
  activityTo: string;
  activityWhen: string;
  activityFile: string;
  activityEmpty: string;
  activityFailed: string;
  activityLoading: string;
  loadMore: string;
  /** the Activity view's label of each audit action: every one the server records (core's AuditAction) */
  auditAction: Readonly<Record<AuditAction, string>>;
  /** the details pane's button: upload a corrected version of the file */
  replaceFile: string;
  replacing: (name: string) => string;
  copyLink: string;
  linkCopied: string;
  copyFailed: string;
  tagFilter: string;
  allTags: string;
  tagWithCount: (tag: string, count: number) => string;
  /** the chips of an item: its first tags */
  tagsOf: string;
  /** the toolbar's Trash view toggle */
  trash: string;
  restore: string;
  deleteForever: string;
  confirmPurgeTitle: (count: number) => string;
  confirmPurgeBody: string;
  purged: (count: number) => string;
  purgeFailed: string;
  restored: (count: number) => string;
  restoreFailed: string;
  tagged: (count: number, tag: string) => string;
  updateFailed: string;
  noPreview: string;
  // roles and usages
  usedIn: (count: number) => string;
  deleteAnyway: string;
  cannotDeleteTitle: (count: number) => string;
  onlyAdminsDeleteUsed: string;
  notAllowed: string;
  addUsage: string;
  courseId: string;
  lessonId: string;
  /** `usage` reads "course · lesson" */
  removeUsage: (usage: string) => string;
  usageFailed: string;
  // captions (details pane)
  captions: string;
  noCaptions: string;
  addCaption: string;
  captionFile: string;
  captionLanguage: string;
  captionLabel: string;
  /** `track` reads "English (en)" */
  removeCaption: (track: string) => string;
  captionFailed: string;
}

const plural = (count: number, one: string, many: string) => formatPlural(count, 'en', one, many);

/** the server's processing stages (`media-processing-progress`), as a user reads them */
const EN_STAGES: Readonly<Record<string, string>> = {
  queued: 'waiting',
  probing: 'reading the file',
  thumbnail: 'making a preview',
  transcoding: 'converting for browsers',
  done: 'done',
};

export const en: MediabayStrings = {
  locale: 'en',
  dir: 'ltr',
  status: {
    queued: 'Waiting',
    uploading: 'Uploading',
    paused: 'Paused',
    processing: 'Processing',
    ready: 'Ready',
    error: 'Failed',
    canceled: 'Canceled',
  },
  mediaType: { video: 'Video', image: 'Image', audio: 'Audio', document: 'Document', other: 'Other' },
  panelLabel: 'Uploads',
  panelUploading: (n) => `Uploading ${plural(n, 'item', 'items')}`,
  panelDone: (n) => `${plural(n, 'upload', 'uploads')} complete`,
  panelFailed: (n) => `${plural(n, 'upload', 'uploads')} failed`,
  timeLeft: (time) => `${time} left`,
  finishing: 'Finishing…',
  panelProgress: (done, total) => `${done} of ${total} done`,
  sizeOf: (done, total) => `${done} of ${total}`,
  minimize: 'Minimize',
  maximize: 'Maximize',
  dismiss: 'Close',
  pause: (name) => `Pause ${name}`,
  resume: (name) => `Resume ${name}`,
  cancel: (name) => `Cancel ${name}`,
  retry: (name) => `Retry ${name}`,
  pauseAll: 'Pause all',
  resumeAll: 'Resume all',
  cancelAll: 'Cancel all',
  chooseAgain: (name) => `Choose ${name} again`,
  waitingForFile: 'Choose the file again to resume',
  processingStage: (stage) => `Processing: ${EN_STAGES[stage] ?? stage}`,
  announceStarted: (name) => `Uploading ${name}`,
  announceFinished: (name) => `${name} is ready`,
  announceFailed: (name, reason) => `${name} failed: ${reason}`,
  progressOf: (name) => `Upload progress of ${name}`,
  uploadErrors: enUploadErrors,
  retryAllFailed: 'Retry all failed',
  waitingConnection: 'Waiting for connection…',
  waitingServer: (s) => (s === null ? 'Server busy, waiting…' : `Server busy, retrying in ${s} s`),
  batchDone: (done, failed) =>
    failed > 0
      ? `${plural(done, 'upload', 'uploads')} complete, ${formatCount(failed, 'en')} failed`
      : `${plural(done, 'upload', 'uploads')} complete`,
  announcePaused: (name) => `${name} paused`,
  announceResumed: (name) => `${name} resumed`,
  announceCanceled: (name) => `${name} canceled`,
  showUploads: (n) => `Uploads (${formatCount(n, 'en')})`,
  livePaused: 'Live updates paused',
  livePausedHint: 'Reconnecting. The library refreshes every few seconds meanwhile.',
  serverMissing: 'This server stores uploads but has no media library: the files will not be listed here.',
  dropPartial: 'Some of these files will not be added',
  removeTag: (tag) => `Remove tag ${tag}`,
  andMore: (n) => `and ${formatCount(n, 'en')} more`,
  dropTitle: 'Drag files here',
  dropHint: 'or',
  browse: 'Choose files',
  dropHere: 'Drop to upload',
  dropRejected: 'Some of these files cannot be uploaded',
  rejectedTitle: (n) => `${plural(n, 'file was', 'files were')} not added`,
  clearRejected: 'Dismiss',
  folderEmpty: (name) => `Folder ${name} is empty`,
  rejectionReason: (_code, fallback) => fallback,
  notAccepting: {
    destroyed: 'Uploads are closed.',
    forbidden: 'Your role lets you view files, not upload them.',
    'max-files': 'The upload queue is full. Add more files when some have finished.',
  },
  libraryLabel: 'Media library',
  search: 'Search media',
  allTypes: 'All types',
  sortBy: 'Sort by',
  sortKey: { name: 'Name', createdAt: 'Date added', size: 'Size', type: 'Type' },
  ascending: 'Ascending',
  descending: 'Descending',
  gridView: 'Grid view',
  listView: 'List view',
  selectAll: 'Select all',
  clearSelection: 'Clear selection',
  selectedCount: (n) => `${n} selected`,
  deleteSelected: 'Delete',
  addTag: 'Tag',
  tagPrompt: 'Tag to add',
  upload: 'Upload',
  itemCount: (n) => plural(n, 'item', 'items'),
  loading: 'Loading media…',
  emptyTitle: 'No media yet',
  emptyHint: 'Drop files anywhere here, or choose them to upload.',
  noMatches: 'Nothing matches your search.',
  loadError: 'The library could not be loaded.',
  tryAgain: 'Try again',
  columnName: 'Name',
  columnSize: 'Size',
  columnType: 'Type',
  columnDate: 'Added',
  confirmDeleteTitle: (n) => `Delete ${plural(n, 'item', 'items')}?`,
  confirmDeleteBody: 'Deleted files go to the trash, where they can be restored for 30 days.',
  confirmDelete: 'Delete',
  confirmCancel: 'Cancel',
  close: 'Close',
  preview: (name) => `Preview of ${name}`,
  details: 'Details',
  rename: 'Name',
  tags: 'Tags',
  noTags: 'No tags',
  usages: 'Used in',
  noUsages: 'Not used in any course yet',
  save: 'Save',
  deleted: (n) => `${plural(n, 'item', 'items')} deleted`,
  deleteFailed: 'Could not delete. The items were restored.',
  undo: 'Undo',
  trash: 'Trash',
  download: 'Download',
  duplicateTitle: 'This file is already in the library',
  duplicateBody: (name) => `“${name}” has the same name and size as a file in the library.`,
  duplicateApplyAll: (n) => `Do this for the ${plural(n, 'other duplicate', 'other duplicates')}`,
  duplicateKeep: 'Keep both',
  duplicateReplace: 'Replace',
  duplicateSkip: 'Skip',
  activity: 'Activity',
  activityAction: 'Action',
  activityAllActions: 'All actions',
  activityUser: 'User',
  activityFrom: 'From',
  activityTo: 'To',
  activityWhen: 'When',
  activityFile: 'File',
  activityEmpty: 'No activity matches.',
  activityFailed: 'Could not load the activity.',
  activityLoading: 'Loading activity…',
  loadMore: 'Load more',
  auditAction: {
    'upload.created': 'Upload started',
    'upload.completed': 'Uploaded',
    'upload.failed': 'Upload failed',
    'upload.canceled': 'Upload canceled',
    'file.updated': 'Renamed',
    'file.tagged': 'Tagged',
    'file.replaced': 'Replaced',
    'file.trashed': 'Moved to the trash',
    'file.restored': 'Restored',
    'file.deleted': 'Deleted forever',
    'usage.added': 'Usage added',
    'usage.removed': 'Usage removed',
    'access.denied': 'Access denied',
    'socket.refused': 'Live updates refused',
  },
  replaceFile: 'Replace file…',
  replacing: (name) => `Replacing “${name}”…`,
  copyLink: 'Copy link',
  linkCopied: 'Link copied',
  copyFailed: 'Could not copy the link.',
  tagFilter: 'Tag',
  allTags: 'All tags',
  tagWithCount: (tag, n) => (n > 0 ? `${tag} (${n})` : tag),
  tagsOf: 'Tags',
  restore: 'Restore',
  deleteForever: 'Delete forever',
  confirmPurgeTitle: (n) => `Delete ${plural(n, 'item', 'items')} forever?`,
  confirmPurgeBody: 'They cannot be recovered.',
  purged: (n) => `${plural(n, 'item', 'items')} deleted forever`,
  purgeFailed: 'Could not delete. The items are still in the trash.',
  restored: (n) => `${plural(n, 'item', 'items')} restored`,
  restoreFailed: 'Could not restore. The items are still in the trash.',
  tagged: (n, tag) => `Tagged ${plural(n, 'item', 'items')} with “${tag}”`,
  updateFailed: 'Could not save the change.',
  noPreview: 'No preview for this file type',
  usedIn: (n) => `Used in ${plural(n, 'lesson', 'lessons')}:`,
  deleteAnyway: 'Delete anyway',
  cannotDeleteTitle: (n) => `${n === 1 ? 'This file is' : 'These files are'} in use`,
  onlyAdminsDeleteUsed: 'Only an administrator can delete files that lessons use.',
  notAllowed: 'You are not allowed to do that.',
  addUsage: 'Add usage',
  courseId: 'Course ID',
  lessonId: 'Lesson ID (optional)',
  removeUsage: (usage) => `Remove usage ${usage}`,
  usageFailed: 'Could not change where the file is used.',
  captions: 'Captions',
  noCaptions: 'No captions yet',
  addCaption: 'Add captions',
  captionFile: 'Caption file (WebVTT or SRT)',
  captionLanguage: 'Language (en, fr-CA…)',
  captionLabel: 'Label (optional)',
  removeCaption: (track) => `Remove captions ${track}`,
  captionFailed: 'Could not change the captions.',
};
