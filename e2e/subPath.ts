/** The sub-path the build is also served under (e2e/sub-path.spec.ts), as a teacher's GitHub Pages site would serve it, and that server's port offset. */
export const SUB_PATH = '/iam-playground/';
export const SUB_PATH_PORT_OFFSET = 100;
