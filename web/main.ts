// Entry point of the browser app (npm start): mounts the app on the page in index.html.
import './styles.css';
import { startApp } from './app.js';

startApp();
