// Entry: registers the elements, makes one client, and provides it to the Vue app.
import { createApp } from 'vue';
import { createMediaClient } from '@mediabay/core';
import '@mediabay/elements';
import App from './App.vue';
import { clientKey } from './client-key.js';
import './styles.css';

const client = createMediaClient({ endpoint: '/api/media' });

createApp(App).provide(clientKey, client).mount('#root');
