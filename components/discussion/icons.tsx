// The discussion's small icons: decorative (aria-hidden), always beside a word that says the same.

export function PinIcon({ className = "h-3 w-3" }: { className?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className={className} fill="currentColor">
      <path d="M10.2 1.3a.75.75 0 0 1 1.06 0l3.44 3.44a.75.75 0 0 1 0 1.06l-.9.9a.75.75 0 0 1-.75.19l-.94-.3-2.2 2.2.34 2.36a.75.75 0 0 1-.21.64l-.62.62a.75.75 0 0 1-1.06 0L6.1 10.15l-3.3 3.3a.75.75 0 1 1-1.06-1.06l3.3-3.3-2.26-2.27a.75.75 0 0 1 0-1.06l.62-.62a.75.75 0 0 1 .64-.21l2.36.34 2.2-2.2-.3-.94a.75.75 0 0 1 .19-.75l.9-.9Z" />
    </svg>
  );
}

export function LockIcon({ className }: { className?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className={className} fill="currentColor">
      <path
        fillRule="evenodd"
        d="M10 1.5a4 4 0 0 0-4 4V8H5a1.5 1.5 0 0 0-1.5 1.5v7A1.5 1.5 0 0 0 5 18h10a1.5 1.5 0 0 0 1.5-1.5v-7A1.5 1.5 0 0 0 15 8h-1V5.5a4 4 0 0 0-4-4Zm2.5 6.5V5.5a2.5 2.5 0 0 0-5 0V8h5Z"
        clipRule="evenodd"
      />
    </svg>
  );
}
