/** The console's chunk: asked for once the map has shown the first world (app/main.tsx), or when the console is first drawn. */
export const loadConsole = () => import('./ConsoleRegion');
