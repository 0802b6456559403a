import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from './start';

/** The background owns the database and answers every message. */
export default defineBackground({ type: 'module', main: startBackground });
