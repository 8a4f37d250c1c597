/**
 * "3 new replies": what arrived live from others while the viewer was reading, offered rather
 * than jumped to. Pressing it shows the first of them.
 */
export function NewRepliesMarker({ count, onShow }: { count: number; onShow: () => void }) {
  if (count === 0) return null;
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-5 flex justify-center">
      <button
        type="button"
        onClick={onShow}
        className="pointer-events-auto rounded-full bg-accent px-4 py-2 text-sm font-medium text-white shadow-lg hover:bg-accent-strong"
      >
        {count} new {count === 1 ? "reply" : "replies"}
      </button>
    </div>
  );
}
