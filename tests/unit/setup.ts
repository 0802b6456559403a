// A fresh in-memory IndexedDB for every test file, in Node.
import 'fake-indexeddb/auto';
