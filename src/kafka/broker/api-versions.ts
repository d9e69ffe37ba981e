// ApiVersions v0-2, and the v0-shaped UNSUPPORTED_VERSION reply that makes librdkafka
// retry its v3 probe at v0.
import { Writer } from './codec';
import { ErrorCode, SUPPORTED_VERSIONS } from './protocol';
import type { ApiHandler } from './broker-state';

function writeVersions(errorCode: number): Writer {
  return new Writer()
    .int16(errorCode)
    .array(SUPPORTED_VERSIONS, (w, [apiKey, min, max]) => w.int16(apiKey).int16(min).int16(max));
}

export const handleApiVersions: ApiHandler = ({ apiVersion }) => {
  const out = writeVersions(ErrorCode.NONE);
  if (apiVersion >= 1) out.int32(0);
  return out;
};

export function unsupportedApiVersionsReply(): Writer {
  return writeVersions(ErrorCode.UNSUPPORTED_VERSION);
}
