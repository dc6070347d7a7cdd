import { Menu, type MenuItemConstructorOptions } from 'electron';

export function buildMenu(restartEngine: () => void): Menu {
  const template: MenuItemConstructorOptions[] = [
    { label: 'File', submenu: [{ role: 'quit' }] },
    { label: 'Edit', submenu: [{ role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    {
      label: 'View',
      submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }],
    },
    { label: 'Engine', submenu: [{ label: 'Restart engine', click: restartEngine }] },
  ];
  return Menu.buildFromTemplate(template);
}
