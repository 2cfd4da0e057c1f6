/** What other features (and the group console) may use of the administration feature. */
export { ReferenceTreeEditor } from './ReferenceTreeEditor.tsx';
