// Browser stand-in for node:stream: sax only subclasses Stream for its Node streaming API, which the explorer never uses.
export class Stream {}
export default { Stream };
