/** The console's chunk: asked for when the console is first drawn (after the map's first picture, App.tsx), or preloaded once the map has shown its world (app/main.tsx). */
export const loadConsole = () => import('./ConsoleRegion');
