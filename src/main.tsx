/** Entry point: the node kinds, theme, test bridge, the session (autosave, share link), lesson progress, then the React app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './kinds/registry.ts';
import { App } from './app/App.tsx';
import { initialTheme } from './app/theme.ts';
import { installTestBridge } from './app/testBridge.ts';
import { startLessonProgress } from './app/lessons/progress.ts';
import { useUiStore } from './store/index.ts';
import { startSession } from './store/session.ts';
import './app/app.css';

useUiStore.getState().setTheme(initialTheme());
installTestBridge();
startSession();
startLessonProgress();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
