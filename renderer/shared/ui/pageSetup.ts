// What every page of the renderer (the desk's and the group console's) loads before its own
// code: Mantine's styles then the fonts in this order (later rules win), then the languages.
import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/dates/styles.css';
import './fonts.css';
import '@mantine/notifications/styles.css';
import '../i18n.ts';
