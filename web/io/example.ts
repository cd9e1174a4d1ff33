// The built-in example fabric, bundled as text and loaded through the same path as a user's file.
import exampleText from '../../topologies/small-two-servers.json?raw';

export const EXAMPLE_FILE_NAME = 'small-two-servers.json';
export const EXAMPLE_TEXT: string = exampleText;
