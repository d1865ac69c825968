import { createRoot } from 'react-dom/client';
import { Popup } from '@/components/popup/Popup';

const root = document.getElementById('root');
if (root) createRoot(root).render(<Popup />);
