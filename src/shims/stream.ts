// Browser stand-in for node:stream: sax only subclasses Stream for its Node streaming API, unused in the explorer.
export class Stream {}
export default { Stream };
