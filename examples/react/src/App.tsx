// The React host page: <media-library> with a shared client set as a property, its CustomEvents
// handled through React 19's `on<event>` props, and the client's $batch store in the header.
import { useCallback, useState } from 'react';
import type { MediaClient } from '@mediabay/core';
import type { FilesAddedEvent, OpenEvent, SelectionChangeEvent } from '@mediabay/elements';
import { useStore } from '@nanostores/react';

interface LogEntry {
  id: number;
  text: string;
}

let nextId = 0;

export function App({ client }: { client: MediaClient }) {
  const batch = useStore(client.$batch);
  const [selected, setSelected] = useState<string[]>([]);
  const [log, setLog] = useState<LogEntry[]>([]);
  const note = useCallback(
    (text: string) => setLog((old) => [{ id: nextId++, text }, ...old].slice(0, 8)),
    [],
  );

  const onFilesAdded = (event: FilesAddedEvent) => {
    const { accepted, rejected } = event.detail;
    note(
      `Added ${accepted.length} file${accepted.length === 1 ? '' : 's'}: ${accepted.map((i) => i.name).join(', ')}`,
    );
    for (const rejection of rejected) note(`Rejected ${rejection.file.name}: ${rejection.message}`);
  };
  const onSelection = (event: SelectionChangeEvent) => setSelected(event.detail.ids);
  const onOpen = (event: OpenEvent) => note(`Opened ${event.detail.file.name}`);

  return (
    <div className="app">
      <header>
        <h1>Mediabay in React</h1>
        <p className="status" data-testid="batch">
          {batch.active
            ? `Uploading ${batch.total - batch.counts.ready} of ${batch.total} · ${Math.round(batch.progress)}%`
            : batch.total > 0
              ? `${batch.counts.ready} uploaded`
              : 'Drop files into the library'}
        </p>
      </header>
      <main>
        <media-library
          client={client}
          onmb-files-added={onFilesAdded}
          onmb-selection-change={onSelection}
          onmb-open={onOpen}
        />
        <aside>
          <h2>Selection</h2>
          <p data-testid="selection">
            {selected.length === 0 ? 'Nothing selected' : `${selected.length} selected`}
          </p>
          <h2>Activity</h2>
          <ul data-testid="activity">
            {log.length === 0 ? <li className="muted">Events from the elements appear here.</li> : null}
            {log.map((entry) => (
              <li key={entry.id}>{entry.text}</li>
            ))}
          </ul>
        </aside>
      </main>
    </div>
  );
}
