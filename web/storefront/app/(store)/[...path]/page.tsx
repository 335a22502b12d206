import { notFound } from 'next/navigation';

// Unknown paths get the 404 inside the store frame (header and categories) instead of a bare page.
export default function UnknownPath() {
  notFound();
}
