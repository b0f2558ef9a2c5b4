import path from 'node:path';

/** Whether `child` lies inside the folder `parent` (the folder itself is not inside it); both absolute. */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
