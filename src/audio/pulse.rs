//! Recording from the default source of a PulseAudio (or PipeWire pulse) server, and
//! playing back to its default sink, through
//! the native protocol's blocking calls (`pulseaudio::protocol`), as the crate's own
//! `examples/record.rs` does: one socket, read on the recording thread, no async runtime.

use super::{AudioError, Source};
use crate::core::speech::wav::RECORDING_RATE;
use pulseaudio::protocol::{self, Command};
use std::io::{BufReader, Cursor, Read};
use std::os::unix::net::UnixStream;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// A server that sends nothing for this long is gone (a monitor or a microphone sends a
/// block every few tens of milliseconds, silence included).
const SILENT_SERVER: Duration = Duration::from_secs(5);

/// Blocks of about a tenth of a second: a level meter that moves, and little lost when
/// the process is killed.
const BLOCK_BYTES: u32 = RECORDING_RATE / 10 * 2;

/// The length of the native protocol's authentication cookie (PA_NATIVE_COOKIE_LENGTH).
const COOKIE_BYTES: usize = 256;

pub struct PulseSource {
    socket: BufReader<UnixStream>,
    version: u16,
    channel: u32,
    body: Vec<u8>,
}

/// The sockets a pulse server may listen at, in the order libpulse tries them:
/// `PULSE_SERVER` (`unix:/path` or a path), `$PULSE_RUNTIME_PATH/native`,
/// `$XDG_RUNTIME_DIR/pulse/native`, then `/run/user/<uid>/pulse/native`.
pub fn socket_candidates() -> Vec<PathBuf> {
    let mut paths = Vec::new();
    if let Ok(servers) = std::env::var("PULSE_SERVER") {
        for server in servers.split_whitespace() {
            let path = server.strip_prefix("unix:").unwrap_or(server);
            if path.starts_with('/') {
                paths.push(PathBuf::from(path));
            }
        }
    }
    if let Some(runtime) = std::env::var_os("PULSE_RUNTIME_PATH") {
        paths.push(PathBuf::from(runtime).join("native"));
    }
    if let Some(runtime) = std::env::var_os("XDG_RUNTIME_DIR") {
        paths.push(PathBuf::from(runtime).join("pulse/native"));
    }
    // SAFETY: getuid has no preconditions and cannot fail.
    let uid = unsafe { libc::getuid() };
    paths.push(PathBuf::from(format!("/run/user/{uid}/pulse/native")));
    paths.dedup();
    paths
}

/// A connection to the pulse server, authenticated and named: the socket and the
/// protocol version agreed.
struct Connection {
    socket: BufReader<UnixStream>,
    version: u16,
    path: PathBuf,
}

impl Connection {
    fn open() -> Result<Connection, AudioError> {
        let candidates = socket_candidates();
        let Some((path, stream)) = candidates
            .iter()
            .find_map(|path| UnixStream::connect(path).ok().map(|stream| (path, stream)))
        else {
            return Err(AudioError::NoServer { tried: candidates });
        };
        let path = path.clone();
        let refused = |detail: String| AudioError::Refused {
            path: path.clone(),
            detail,
        };
        stream
            .set_read_timeout(Some(SILENT_SERVER))
            .map_err(|error| refused(error.to_string()))?;
        let mut socket = BufReader::new(stream);
        // The server reads exactly 256 bytes of cookie and drops a client that sends
        // fewer; a server that lets anyone in (auth-anonymous) ignores their value.
        let cookie = pulseaudio::cookie_path_from_env()
            .and_then(|path| std::fs::read(path).ok())
            .filter(|cookie| cookie.len() == COOKIE_BYTES)
            .unwrap_or_else(|| vec![0; COOKIE_BYTES]);
        let auth = protocol::AuthParams {
            version: protocol::MAX_VERSION,
            supports_shm: false,
            supports_memfd: false,
            cookie,
        };
        protocol::write_command_message(
            socket.get_mut(),
            0,
            &Command::Auth(auth),
            protocol::MAX_VERSION,
        )
        .map_err(|error| refused(error.to_string()))?;
        let (_, reply) =
            protocol::read_reply_message::<protocol::AuthReply>(&mut socket, protocol::MAX_VERSION)
                .map_err(|error| refused(error.to_string()))?;
        let version = protocol::MAX_VERSION.min(reply.version);
        let mut props = protocol::Props::new();
        props.set(protocol::Prop::ApplicationName, c"mensetsu");
        protocol::write_command_message(
            socket.get_mut(),
            1,
            &Command::SetClientName(props),
            version,
        )
        .map_err(|error| refused(error.to_string()))?;
        protocol::read_reply_message::<protocol::SetClientNameReply>(&mut socket, version)
            .map_err(|error| refused(error.to_string()))?;
        Ok(Connection {
            socket,
            version,
            path,
        })
    }
}

impl PulseSource {
    /// Connects to the server and starts a record stream from its default source, as
    /// 16-bit mono at [`RECORDING_RATE`] (the server converts from whatever the
    /// microphone gives).
    pub fn open() -> Result<PulseSource, AudioError> {
        let Connection {
            mut socket,
            version,
            ..
        } = Connection::open()?;
        let mut stream_props = protocol::Props::new();
        stream_props.set(protocol::Prop::MediaName, c"answer");
        let params = protocol::RecordStreamParams {
            sample_spec: mono_16_bit(),
            channel_map: protocol::ChannelMap::mono(),
            source_name: Some(protocol::DEFAULT_SOURCE.to_owned()),
            buffer_attr: protocol::stream::BufferAttr {
                max_length: u32::MAX,
                fragment_size: BLOCK_BYTES,
                ..Default::default()
            },
            flags: protocol::stream::StreamFlags {
                adjust_latency: true,
                ..Default::default()
            },
            props: stream_props,
            ..Default::default()
        };
        protocol::write_command_message(
            socket.get_mut(),
            2,
            &Command::CreateRecordStream(params),
            version,
        )
        .map_err(|error| AudioError::NoSource(error.to_string()))?;
        let (_, stream) =
            protocol::read_reply_message::<protocol::CreateRecordStreamReply>(&mut socket, version)
                .map_err(|error| AudioError::NoSource(error.to_string()))?;
        Ok(PulseSource {
            socket,
            version,
            channel: stream.channel,
            body: Vec::new(),
        })
    }
}

fn mono_16_bit() -> protocol::SampleSpec {
    protocol::SampleSpec {
        format: protocol::SampleFormat::S16Le,
        channels: 1,
        sample_rate: RECORDING_RATE,
    }
}

/// Plays mono samples at [`RECORDING_RATE`] on the default sink, on a thread of its own:
/// the server asks for sound as it plays it, and gets it as asked.
pub struct Playback {
    stop: Arc<AtomicBool>,
    /// Samples handed to the server so far.
    sent: Arc<AtomicU64>,
    /// A second handle on the socket, to end a playback blocked on a read.
    socket: UnixStream,
    /// Where in the recording the samples start.
    from_s: f64,
    started: std::time::Instant,
    thread: Option<JoinHandle<Result<(), AudioError>>>,
}

impl Playback {
    /// Plays `samples`, which start `from_s` seconds into their recording.
    pub fn start(samples: Vec<i16>, from_s: f64) -> Result<Playback, AudioError> {
        let Connection {
            mut socket,
            version,
            path,
        } = Connection::open()?;
        let refused = |error: &dyn std::fmt::Display| AudioError::Refused {
            path: path.clone(),
            detail: error.to_string(),
        };
        let params = protocol::PlaybackStreamParams {
            sample_spec: mono_16_bit(),
            channel_map: protocol::ChannelMap::mono(),
            sink_name: Some(protocol::DEFAULT_SINK.to_owned()),
            ..Default::default()
        };
        protocol::write_command_message(
            socket.get_mut(),
            2,
            &Command::CreatePlaybackStream(params),
            version,
        )
        .map_err(|error| refused(&error))?;
        let (_, stream) = protocol::read_reply_message::<protocol::CreatePlaybackStreamReply>(
            &mut socket,
            version,
        )
        .map_err(|error| refused(&error))?;
        let handle = socket
            .get_ref()
            .try_clone()
            .map_err(|error| refused(&error))?;
        let stop = Arc::new(AtomicBool::new(false));
        let sent = Arc::new(AtomicU64::new(0));
        let thread = {
            let (stop, sent) = (stop.clone(), sent.clone());
            std::thread::Builder::new()
                .name("mensetsu-play".to_string())
                .spawn(move || {
                    play(
                        socket,
                        version,
                        stream.channel,
                        stream.requested_bytes,
                        &samples,
                        &stop,
                        &sent,
                    )
                })
                .map_err(|error| refused(&error))?
        };
        Ok(Playback {
            stop,
            sent,
            socket: handle,
            from_s,
            started: std::time::Instant::now(),
            thread: Some(thread),
        })
    }

    /// Where in the recording the listener is. The server takes up to a couple of
    /// seconds of sound ahead of playing it, so what was handed over runs ahead of what
    /// was heard: the time since starting says where playing is, within what was sent.
    pub fn position_s(&self) -> f64 {
        let sent = self.sent.load(Ordering::Relaxed) as f64 / f64::from(RECORDING_RATE);
        self.from_s + sent.min(self.started.elapsed().as_secs_f64())
    }

    /// Whether everything was played (or the server went away).
    pub fn has_ended(&self) -> bool {
        self.thread.as_ref().is_none_or(JoinHandle::is_finished)
    }

    /// Stops playing now; `Err` says why playback had ended early, if it had.
    pub fn stop(mut self) -> Result<(), AudioError> {
        self.stop.store(true, Ordering::Relaxed);
        let _ = self.socket.shutdown(std::net::Shutdown::Both);
        match self.thread.take().map(JoinHandle::join) {
            Some(Ok(Err(_))) if self.stop.load(Ordering::Relaxed) => Ok(()),
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(AudioError::Lost("the playback thread panicked".to_string())),
            None => Ok(()),
        }
    }

    /// Waits until everything was played.
    pub fn wait(mut self) -> Result<(), AudioError> {
        match self.thread.take().map(JoinHandle::join) {
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(AudioError::Lost("the playback thread panicked".to_string())),
            None => Ok(()),
        }
    }
}

impl Drop for Playback {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let _ = self.socket.shutdown(std::net::Shutdown::Both);
    }
}

/// The playback thread: answers each request of the server with the next samples, then
/// asks the server to drain and waits until it has played them all.
fn play(
    mut socket: BufReader<UnixStream>,
    version: u16,
    channel: u32,
    first_request: u32,
    samples: &[i16],
    stop: &AtomicBool,
    sent: &AtomicU64,
) -> Result<(), AudioError> {
    const DRAINED: u32 = 3;
    let lost = |error: &dyn std::fmt::Display| AudioError::Lost(error.to_string());
    let mut at = 0;
    let mut draining = false;
    let mut send = |socket: &mut BufReader<UnixStream>, bytes: u32| -> Result<bool, AudioError> {
        let count = (bytes as usize / 2).min(samples.len() - at);
        if count == 0 {
            return Ok(false);
        }
        let chunk: Vec<u8> = samples[at..at + count]
            .iter()
            .flat_map(|sample| sample.to_le_bytes())
            .collect();
        protocol::write_memblock(socket.get_mut(), channel, &chunk, 0).map_err(|e| lost(&e))?;
        at += count;
        sent.store(at as u64, Ordering::Relaxed);
        Ok(true)
    };
    let mut more = send(&mut socket, first_request)?;
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        if !more && !draining {
            protocol::write_command_message(
                socket.get_mut(),
                DRAINED,
                &Command::DrainPlaybackStream(channel),
                version,
            )
            .map_err(|e| lost(&e))?;
            draining = true;
        }
        let (sequence, message) =
            protocol::read_command_message(&mut socket, version).map_err(|e| lost(&e))?;
        match message {
            Command::Request(protocol::Request { length, .. }) if !draining => {
                more = send(&mut socket, length)?;
            }
            Command::Reply if sequence == DRAINED => return Ok(()),
            Command::Error(error) => return Err(lost(&format!("{error:?}"))),
            Command::PlaybackStreamKilled(_) => {
                return Err(lost(&"the server ended the playback stream"));
            }
            _ => {}
        }
    }
}

impl Source for PulseSource {
    fn read(&mut self) -> Result<Vec<i16>, AudioError> {
        let lost = |error: &dyn std::fmt::Display| AudioError::Lost(error.to_string());
        loop {
            let descriptor = protocol::read_descriptor(&mut self.socket).map_err(|e| lost(&e))?;
            self.body.resize(descriptor.length as usize, 0);
            self.socket
                .read_exact(&mut self.body)
                .map_err(|e| lost(&e))?;
            if descriptor.channel == u32::MAX {
                // A message from the server: only the end of our stream matters.
                let message =
                    Command::read_tag_prefixed(&mut Cursor::new(&self.body), self.version);
                if let Ok((_, Command::RecordStreamKilled(_))) = message {
                    return Err(AudioError::Lost(
                        "the server ended the recording stream".to_string(),
                    ));
                }
                continue;
            }
            if descriptor.channel != self.channel {
                continue;
            }
            // The server sends whole frames of the format asked for: 16-bit mono.
            let samples: Vec<i16> = self
                .body
                .chunks_exact(2)
                .map(|pair| i16::from_le_bytes([pair[0], pair[1]]))
                .collect();
            if !samples.is_empty() {
                return Ok(samples);
            }
        }
    }
}
