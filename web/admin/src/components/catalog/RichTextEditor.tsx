import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';

/**
 * The product description as rich text (headings, lists, bold, italic, links): HTML out, which the platform
 * sanitises again. The toolbar is a row of toggle buttons, each saying whether its format is on.
 */
export function RichTextEditor({ id, labelledBy, value, onChange }: { id: string; labelledBy: string; value: string; onChange: (html: string) => void }) {
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: { openOnClick: false, protocols: ['http', 'https', 'mailto'] } })],
    content: value,
    // The admin's Content-Security-Policy allows no inline style element; the editor's look is in index.css.
    injectCSS: false,
    immediatelyRender: true,
    editorProps: { attributes: { id, role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': labelledBy, class: 'prose-editor' } },
    onUpdate: ({ editor: changed }) => onChange(changed.isEmpty ? '' : changed.getHTML()),
  });

  // A reload (after someone else saved) brings new content from outside. An editor replaced while the page mounts
  // is destroyed and has no document to read.
  useEffect(() => {
    if (editor && !editor.isDestroyed && value !== editor.getHTML() && !(value === '' && editor.isEmpty)) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  if (!editor) return null;
  const tools: { label: string; active: boolean; run: () => void }[] = [
    { label: 'Bold', active: editor.isActive('bold'), run: () => editor.chain().focus().toggleBold().run() },
    { label: 'Italic', active: editor.isActive('italic'), run: () => editor.chain().focus().toggleItalic().run() },
    { label: 'Heading', active: editor.isActive('heading', { level: 3 }), run: () => editor.chain().focus().toggleHeading({ level: 3 }).run() },
    { label: 'Bulleted list', active: editor.isActive('bulletList'), run: () => editor.chain().focus().toggleBulletList().run() },
    { label: 'Numbered list', active: editor.isActive('orderedList'), run: () => editor.chain().focus().toggleOrderedList().run() },
    {
      label: 'Link',
      active: editor.isActive('link'),
      run: () => {
        if (editor.isActive('link')) {
          editor.chain().focus().unsetLink().run();
          return;
        }
        const href = window.prompt('Link address (https://…)');
        if (href && /^(https?:|mailto:)/i.test(href.trim())) editor.chain().focus().setLink({ href: href.trim() }).run();
      },
    },
  ];
  return (
    <div className="rounded border border-slate-300 bg-white">
      <div role="toolbar" aria-label="Description formatting" className="flex flex-wrap gap-1 border-b border-slate-200 p-1">
        {tools.map((tool) => (
          <button
            key={tool.label}
            type="button"
            aria-pressed={tool.active}
            onClick={tool.run}
            className={`rounded px-2 py-0.5 text-xs ${tool.active ? 'bg-slate-800 text-white' : 'hover:bg-slate-100'}`}
          >
            {tool.label}
          </button>
        ))}
      </div>
      <EditorContent editor={editor} className="min-h-32 px-3 py-2" />
    </div>
  );
}
