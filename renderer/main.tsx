import './shared/ui/pageSetup.ts';
import { App } from './app/App.tsx';
import { startSessionCheck } from './app/sessionCheck.ts';
import { mountPage } from './shared/ui/mountPage.tsx';

// Asked before React renders anything: a reload's first paint waits on these answers.
const sessionCheck = startSessionCheck();
mountPage(<App sessionCheck={sessionCheck} />, 'index.html');
