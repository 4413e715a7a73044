import type { Note } from '../../lib/notes';

/** The notes list: each note's quote and text; a click shows its passage; notes whose passage is gone say so. */
export function renderNotes(
  list: HTMLOListElement,
  notes: readonly Note[],
  options: {
    empty: string;
    lost: string;
    remove: string;
    onSelect: (note: Note) => void;
    onDelete: (note: Note) => void;
  },
): void {
  if (notes.length === 0) {
    const li = document.createElement('li');
    li.className = 'empty';
    li.textContent = options.empty;
    list.replaceChildren(li);
    return;
  }
  list.replaceChildren(
    ...notes.map((note) => {
      const li = document.createElement('li');
      li.dataset.noteId = note.id;
      const quote = document.createElement('blockquote');
      const exact = note.target.selector.find((s) => s.type === 'TextQuoteSelector');
      quote.textContent = exact && 'exact' in exact ? exact.exact : '';
      const body = document.createElement('button');
      body.type = 'button';
      body.className = 'note-body';
      body.textContent = note.body;
      body.addEventListener('click', () => options.onSelect(note));
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = options.remove;
      remove.addEventListener('click', () => options.onDelete(note));
      li.append(quote, body, remove);
      if (note.placed === null) {
        const lost = document.createElement('p');
        lost.className = 'lost';
        lost.textContent = options.lost;
        li.append(lost);
      }
      return li;
    }),
  );
}
