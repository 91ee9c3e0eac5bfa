// Generated from GET /openapi.json by `npm run studio:api-types`; a test fails when it drifts from the API.

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness check */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service name, version and debug flag */
        get: operations["getInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a project's active API keys (admin or the project's own key); secrets are never returned */
        get: operations["listApiKeys"];
        put?: never;
        /** Create a project API key (admin only); the key is shown once */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/api-keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a project API key (admin or any key of the project); effective immediately */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every event of the project, live (Server-Sent Events)
         * @description The project's event log as it grows, in order: each frame is `id: <event id>` (the webhook-id its deliveries carry), `event: <type>` and `data: {type, timestamp, data}`, byte for byte the body webhooks receive. Send `Last-Event-ID` (or `?last_event_id=`) to first receive every event after that one (kept 30 days; an id the log no longer holds is a 409), `?types=` to receive only some types. A `: heartbeat` arrives about every 15 s. Accepts a stream token in `?access_token=`.
         */
        get: operations["streamProjectEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/events/ws": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every event of the project, live (WebSocket)
         * @description Upgrade to a WebSocket. Each text message is `{"id", "type", "timestamp", "data"}`: the webhook body with the event id (the webhook-id) in front, in log order. `?last_event_id=` first replays every event after that one (409 when the log no longer holds it), `?types=` filters. Send `ping` to get `pong`. Accepts a stream token in `?access_token=`.
         */
        get: operations["projectEventsWebSocket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a project's rendered exports, newest first (cursor pagination) */
        get: operations["listExports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/exports/{asset_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a rendered export and its thumbnail */
        delete: operations["deleteExport"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/exports/{asset_id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a rendered export (Range requests, conditional requests)
         * @description Supports `Range: bytes=a-b`, `bytes=a-` and suffix `bytes=-n` (206 with Content-Range, 416 when unsatisfiable), ETag/Last-Modified with If-None-Match, If-Modified-Since, If-Range, If-Match, and HEAD.
         */
        get: operations["getExportContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /** Download a rendered export (Range requests, conditional requests) (headers only) */
        head: operations["headExportContent"];
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/exports/{asset_id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The export's poster image; 404 when the export was rendered without thumbnails */
        get: operations["getExportThumbnail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /** The export's poster image; 404 when the export was rendered without thumbnails (headers only) */
        head: operations["headExportThumbnail"];
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/glossary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's glossary (empty until set) */
        get: operations["getGlossary"];
        /**
         * Replace the project's glossary: subject terms transcription should spell right
         * @description The terms go into Whisper's prompt for every later `transcription` job of the project (after the job's own `prompt`, as many as fit its 2,000 characters), so that words like 'chlorophyll' are spelled as listed.
         */
        put: operations["putGlossary"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload an image (.png, .jpg, .jpeg, .webp), e.g. a watermark, as multipart/form-data
         * @description Streams the multipart field `file` (.png, .jpg, .jpeg, .webp) into storage. The content must match the extension. At most UPLOAD_MAX_SIZE bytes.
         */
        post: operations["uploadImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a project's jobs, newest first */
        get: operations["listJobs"];
        put?: never;
        /**
         * Queue a job (ingest, transcription, scene_detection, ...)
         * @description Validates the payload against its job type's schema and the project's assets, then queues the job. When the project's queued plus running jobs reach MAX_QUEUE_SIZE, or all projects' reach MAX_TOTAL_QUEUED_JOBS, answers 429 QUEUE_FULL with Retry-After (the message names the limit) and creates nothing.
         */
        post: operations["createJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/jobs/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A job's current state, read from its Durable Object */
        get: operations["getJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/jobs/{job_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a queued or running job
         * @description A queued job never runs; a running job's handler is aborted (its AbortSignal fires, in-flight media and AI requests stop, and its next checkpoint throws). A finished job gives 409.
         */
        post: operations["cancelJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/jobs/{job_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live job events (Server-Sent Events)
         * @description Each event is `event: job` with the full job as `data` and an increasing `id`. The first event is the current job; send `Last-Event-ID` to receive only what you missed instead. A `: heartbeat` comment arrives about every 15 s. The stream ends after the job reaches a terminal status. Accepts a stream token in `?access_token=` for EventSource clients that cannot set headers.
         */
        get: operations["streamJobEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/jobs/{job_id}/ws": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live job events (WebSocket)
         * @description Upgrade to a WebSocket. Each text message is `{"id": <event id>, "job": <full job>}`, starting with the current job; pass the last id you received as `?last_event_id=` to receive only what you missed instead (browsers cannot set Last-Event-ID on a WebSocket). The server closes with code 1000 after the job reaches a terminal status. Send `ping` to get `pong`. Accepts a stream token in `?access_token=`.
         */
        get: operations["jobEventsWebSocket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/music": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload background music (.mp3, .wav, .m4a, .aac, .ogg) as multipart/form-data
         * @description Streams the multipart field `file` (.mp3, .wav, .m4a, .aac, .ogg, .oga) into storage. The content must match the extension. At most UPLOAD_MAX_SIZE bytes.
         */
        post: operations["uploadMusic"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/quizzes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a project's quizzes, newest first (cursor pagination), optionally of one video */
        get: operations["listQuizzes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/quizzes/{quiz_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A quiz with its questions (in order) and the questions the checks rejected, with their reasons */
        get: operations["getQuiz"];
        put?: never;
        post?: never;
        /** Delete a quiz with its questions and review clips (the video and its transcript stay) */
        delete: operations["deleteQuiz"];
        options?: never;
        head?: never;
        /** Rename a quiz or change its status (draft, published) */
        patch: operations["updateQuiz"];
        trace?: never;
    };
    "/projects/{project_id}/quizzes/{quiz_id}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Attempts on a quiz with their scores, newest first (of one learner with learner_id) */
        get: operations["listQuizAttempts"];
        put?: never;
        /** Start an attempt on a published quiz: its current version's questions, without keys */
        post: operations["startQuizAttempt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/quizzes/{quiz_id}/attempts/{attempt_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An attempt with its questions (in its order), saved answers and, once submitted, its result */
        get: operations["getQuizAttempt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/quizzes/{quiz_id}/attempts/{attempt_id}/answers/{question_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Save one answer of an attempt in progress; a later save replaces it
         * @description `{option_ids}` for multiple_choice and true_false (exactly one) and multiple_response (one or more), `{text}` for short_answer. An unknown question is 404, an unknown option or the wrong shape 422, an attempt already submitted 409.
         */
        put: operations["saveQuizAnswer"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/quizzes/{quiz_id}/attempts/{attempt_id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Score an attempt on the version it was started on; a repeated submit returns the same result
         * @description Multiple choice and true/false score all or nothing; multiple response (right chosen - wrong chosen) / number right, at least 0; a short answer matches ignoring case, whitespace, punctuation and accents, with one typo (insertion, deletion, substitution or adjacent swap) allowed in answers of six letters or more. Every answer save that returned 204 is scored; saves still arriving are waited out, and an attempt whose answers keep changing throughout is 409 (submit again).
         */
        post: operations["submitQuizAttempt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/quizzes/{quiz_id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a quiz for an LMS or a player: GIFT, Moodle XML, a QTI 3.0 package, JSON or a WebVTT track
         * @description Only the quiz's questions are exported, in order; rejected questions never are. `gift` is Moodle GIFT text, `moodle_xml` a Moodle question bank file, `qti` a QTI 3.0 content package (zip: imsmanifest.xml, an assessment test, one item per question), `json` the quiz as GET returns it without `rejected`, `vtt` a WebVTT metadata track with one cue per question at the end of its evidence window (payload: JSON with the question's id and stem). The file name comes from the quiz title.
         */
        get: operations["exportQuiz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/quizzes/{quiz_id}/learner-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mint a short-lived token for one learner on one published quiz
         * @description The token opens this quiz's attempt routes for this learner, and the lesson's media: the video's content (with Range), thumbnail, storyboard, captions (transcript as vtt/srt) and the quiz's VTT cue track. Media reads also take it as `?token=`. Anything else answers 403; an expired or altered token 401.
         */
        post: operations["createLearnerToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/quizzes/{quiz_id}/questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a question written by the teacher (evidence optional), last or at `position`
         * @description Checked with the rules generated questions pass: a question that breaks one (a multiple choice question without exactly one correct option, a quote that is not in the cited segments, a repeat of another question) is a 422 with field errors. Evidence is checked against the video's current transcript.
         */
        post: operations["addQuizQuestion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/quizzes/{quiz_id}/questions/{question_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a question (kept or rejected); the questions after it move up */
        delete: operations["deleteQuizQuestion"];
        options?: never;
        head?: never;
        /**
         * Edit any field of a question; `position` reorders the quiz
         * @description The question as it will be is checked with the same rules as generated ones (422 with field errors). Evidence sent with the edit is checked against the video's current transcript. A rejected question that passes after the edit joins the quiz.
         */
        patch: operations["updateQuizQuestion"];
        trace?: never;
    };
    "/projects/{project_id}/quizzes/{quiz_id}/review-clips": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The quiz's "review this moment" clips (made by a quiz_review_clips job), one per question */
        get: operations["listQuizReviewClips"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/quizzes/{quiz_id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item statistics of a quiz's submitted attempts, of one version or all
         * @description Questions are those of `version` (default: the latest). Flags: too_easy (difficulty > 0.9), too_hard (< 0.2), negative_discrimination (point-biserial < 0), distractor_never_chosen (a wrong option nobody chose).
         */
        get: operations["getQuizStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search every transcript of the project and answer with the exact second
         * @description Words must all occur in a segment; `"quoted phrases"` keep their order, `photo*` matches a prefix, case and accents are ignored. Best hits first. With `language`, translations into it (and transcripts spoken in it) are searched instead. A query of only stop words or punctuation is a 422.
         */
        get: operations["searchTranscripts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/storage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete every file of a project and all its asset, transcript, scene and job records
         * @description API keys are kept. Returns what was removed from storage.
         */
        delete: operations["wipeProjectStorage"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/storage/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's storage use per category, with totals */
        get: operations["getProjectStorageStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/stream-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mint a short-lived token for browser event streams and players (EventSource, WebSocket, <video> cannot send headers) */
        post: operations["createStreamToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * tus creation (and creation-with-upload) of a resumable video upload
         * @description Creates an upload of Upload-Length bytes and answers with its Location. With an application/offset+octet-stream body the first bytes are stored at once. With `?token=` from a direct upload URL no API key is needed; the token creates one upload only.
         */
        post: operations["createResumableUpload"];
        delete?: never;
        /**
         * tus discovery: protocol version, extensions and maximum size
         * @description Needs no credentials. A CORS preflight (with Access-Control-Request-Method) is answered by the CORS policy instead.
         */
        options: operations["describeResumableUploads"];
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/uploads/{upload_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress of a resumable upload (HEAD is the tus form of this request) */
        get: operations["getResumableUpload"];
        put?: never;
        post?: never;
        /** tus termination: abort an unfinished upload and discard its bytes */
        delete: operations["terminateResumableUpload"];
        options?: never;
        /** tus HEAD: the upload's offset, to resume from */
        head: operations["headResumableUpload"];
        /**
         * tus PATCH: append bytes at Upload-Offset
         * @description Streams the body into the upload. A retried PATCH at an offset the server already passed answers 409; HEAD for the offset and resume from there. The PATCH that completes the upload registers the video (content checked as for the one-shot upload; a non-video answers 415 and is deleted) and carries Asset-Id.
         */
        patch: operations["appendResumableUpload"];
        trace?: never;
    };
    "/projects/{project_id}/uploads/direct": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a one-time tus upload URL for a browser or phone without an API key
         * @description The URL is a tus creation endpoint for this project with a signed token: it creates exactly one upload (its id is fixed in the token), of at most max_size_bytes, before expires_at.
         */
        post: operations["createDirectUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/videos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a project's videos, newest first (cursor pagination) */
        get: operations["listVideos"];
        put?: never;
        /**
         * Upload a video (.mp4, .mov, .avi) as multipart/form-data; starts its ingest job
         * @description Streams the multipart field `file` (.mp4, .mov, .avi) into storage. The content must match the extension. At most UPLOAD_MAX_SIZE bytes.
         */
        post: operations["uploadVideo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/videos/{asset_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a video's metadata, status and links to its content and thumbnail */
        get: operations["getVideo"];
        put?: never;
        post?: never;
        /** Delete a video with its thumbnails, transcripts, scene runs and jobs */
        delete: operations["deleteVideo"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/videos/{asset_id}/ai/chapters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The video's chapters and lesson summary, as JSON or a WebVTT chapters track
         * @description Made by `chapters` jobs from the current transcript; this is the newest run. `format=vtt` answers a WebVTT file with one cue per chapter (its title), for `<track kind="chapters">`. 404 until a run exists.
         */
        get: operations["getVideoChapters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/videos/{asset_id}/ai/scenes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The video's highlight scenes: the latest run, or the cached run for a tone and criteria
         * @description Made by `scene_detection` jobs from the current transcript. Without `tone` and `criteria` this is the newest run. With either, it is the run made with exactly that tone and criteria (an absent or empty one means none was given); 404 when there is no such run.
         */
        get: operations["getVideoScenes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/videos/{asset_id}/ai/transcript": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The video's latest transcript, or a translation of it, as JSON, SRT or WebVTT
         * @description Made by a `transcription` job; translations by `translation` jobs. `format=srt` answers `application/x-subrip`, `format=vtt` answers `text/vtt`, one cue per segment. `granularity=word` adds every word with its timing to the JSON answer, and makes SRT/VTT cues from the word timings as caption guidelines ask: at most two lines of `max_line_chars` characters, at most 7 seconds, cut where the speaker pauses. 404 until a transcript (or a translation into `language`) exists.
         */
        get: operations["getVideoTranscript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/videos/{asset_id}/ai/transcript/languages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The languages the video's current transcript can be read in: its own and its translations
         * @description Each can be fetched with `GET …/ai/transcript?language=`. 404 until a transcript exists.
         */
        get: operations["listTranscriptLanguages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/videos/{asset_id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream a video file (Range requests for seeking, conditional requests)
         * @description Supports `Range: bytes=a-b`, `bytes=a-` and suffix `bytes=-n` (206 with Content-Range, 416 when unsatisfiable), ETag/Last-Modified with If-None-Match, If-Modified-Since, If-Range, If-Match, and HEAD.
         */
        get: operations["getVideoContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /** Stream a video file (Range requests for seeking, conditional requests) (headers only) */
        head: operations["headVideoContent"];
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/videos/{asset_id}/storyboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The video's storyboard map for scrubbing previews; 404 until ingest has made one */
        get: operations["getVideoStoryboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/videos/{asset_id}/storyboard/sprite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The storyboard sprite (JPEG of evenly spaced frames); 404 until ingest has made one */
        get: operations["getVideoStoryboardSprite"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /** The storyboard sprite (JPEG of evenly spaced frames); 404 until ingest has made one (headers only) */
        head: operations["headVideoStoryboardSprite"];
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/videos/{asset_id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The video's thumbnail image; 404 until ingest has made one */
        get: operations["getVideoThumbnail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /** The video's thumbnail image; 404 until ingest has made one (headers only) */
        head: operations["headVideoThumbnail"];
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the project's webhook endpoints (never their secrets) */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Add a webhook endpoint; its signing secret is shown once
         * @description Deliveries follow the Standard Webhooks specification (v1): a POST with `{type, timestamp, data}` and the headers webhook-id, webhook-timestamp and webhook-signature, verifiable with the `standardwebhooks` or `svix` libraries and the secret in this answer. A project has at most 20 endpoints (409 beyond).
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/webhooks/{webhook_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook endpoint (never its secret), with disabled_reason when deliveries stopped */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Remove a webhook endpoint with its deliveries */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /**
         * Change an endpoint's URL, events or description, or disable and enable it
         * @description Enabling a disabled endpoint (whatever its disabled_reason) clears the reason and the three-day failure clock; deliveries that failed meanwhile can be sent again with replay.
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/projects/{project_id}/webhooks/{webhook_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The endpoint's delivery log: every attempt's time, status, latency and first 1 KB of the answer
         * @description Newest first. Deliveries are kept 30 days.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send one delivery again, now
         * @description The delivery becomes pending, due at once and at the start of the retry schedule; it keeps its webhook-id. 409 while the endpoint is disabled.
         */
        post: operations["retryWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/webhooks/{webhook_id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send every failed delivery since a time again (after an outage on the receiver's side)
         * @description Each failed delivery of this endpoint created since `since` becomes pending again, in event order, due at once and at the start of the retry schedule. 409 while the endpoint is disabled.
         */
        post: operations["replayWebhookDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/webhooks/{webhook_id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the signing secret; both sign for 24 hours
         * @description For 24 hours (until `secret_rotation_ends_at`) every delivery carries two signatures in webhook-signature, space-separated: one with the new secret and one with the old, so receivers can switch without missing any.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{project_id}/webhooks/{webhook_id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a webhook.test event to this endpoint now and return the delivery
         * @description The event goes to this endpoint only and is not part of the project's event log. The answer comes after the first attempt (at most 15 s); a failed test delivery is retried like any other.
         */
        post: operations["testWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/storage/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Storage use across all projects, per category, with totals and the number of projects (admin) */
        get: operations["getStorageStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ApiKey: {
            /**
             * Format: date-time
             * @example 2026-11-24T03:00:00.000Z
             */
            created_at: string;
            /**
             * @description Key id, used to revoke it
             * @example key_6f1c0c7e2b7a4b0f9d1e5a3c8b2d4e6f
             */
            id: string;
            /**
             * Format: date-time
             * @description Last use, recorded at most every 5 minutes
             * @example 2026-11-24T03:10:00.000Z
             */
            last_used_at: string | null;
            /** @example flutter-app */
            name: string;
            /**
             * @description First characters of the key, safe to display
             * @example emk_Q2hhbmdl
             */
            prefix: string;
            /** @example lesson-app */
            project_id: string;
        };
        ApiKeyList: {
            api_keys: components["schemas"]["ApiKey"][];
        };
        Asset: {
            /** @example 3f0c9a2e-8a4b-4a57-9b0e-2d6c1f7e5a10 */
            asset_id: string;
            /**
             * @example video
             * @enum {string}
             */
            category: "video" | "music" | "image" | "export";
            /**
             * @description Hex SHA-256 of the file
             * @example 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
             */
            checksum: string;
            /** @example video/mp4 */
            content_type: string;
            /**
             * Format: date-time
             * @example 2026-11-24T03:15:00.000Z
             */
            created_at: string;
            /**
             * @description Known once ingested
             * @example 312.4
             */
            duration_seconds: number | null;
            /**
             * @description Why ingest failed, when status is failed
             * @example null
             */
            error_message: string | null;
            /**
             * @description Stored file name, generated by the server
             * @example 20261124T031500-3f0c9a2e8a4b4a57.mp4
             */
            filename: string;
            /**
             * @description The ingest job started for this upload, once there is one
             * @example null
             */
            ingest_job_id: string | null;
            links: {
                /**
                 * @description Download path (supports Range)
                 * @example /projects/lesson-app/videos/3f0c…/content
                 */
                content: string | null;
                /**
                 * @description A video's storyboard map path (scrubbing previews), once ingest made one
                 * @example null
                 */
                storyboard: string | null;
                /**
                 * @description Thumbnail path: a video's once ingest made one, an export's when rendered with thumbnails
                 * @example null
                 */
                thumbnail: string | null;
            };
            /** @description Probe output once ingested (width, height, fps, codecs, ...) */
            metadata: {
                [key: string]: unknown;
            } | null;
            /**
             * @description The client's file name, kept as metadata only
             * @example Lektion 3 – Brüche.mp4
             */
            original_filename: string;
            /** @example lesson-app */
            project_id: string;
            /** @example 104857600 */
            size_bytes: number;
            /**
             * @description For exports: the assets the timeline was built from
             * @example null
             */
            source_asset_ids: string[] | null;
            /**
             * @description uploaded → processing → ready or failed, as the ingest job runs
             * @example uploaded
             * @enum {string}
             */
            status: "uploaded" | "processing" | "ready" | "failed";
            /**
             * Format: date-time
             * @example 2026-11-24T03:15:00.000Z
             */
            updated_at: string;
        };
        AssetList: {
            items: components["schemas"]["Asset"][];
            /**
             * @description Pass as `cursor` for the next page; null on the last page
             * @example null
             */
            next_cursor: string | null;
        };
        Attempt: {
            answers: {
                given: components["schemas"]["GivenAnswer"];
                question_id: string;
            }[];
            attempt_id: string;
            learner_id: string;
            max_score: number;
            percent: number | null;
            questions: components["schemas"]["LearnerQuestion"][];
            quiz_id: string;
            quiz_version: number;
            result: components["schemas"]["AttemptResult"];
            /** @description Null until submitted */
            score: number | null;
            /** Format: date-time */
            started_at: string;
            /** @enum {string} */
            status: "in_progress" | "submitted";
            /** Format: date-time */
            submitted_at: string | null;
        };
        AttemptList: {
            items: components["schemas"]["AttemptSummary"][];
        };
        AttemptResult: {
            /** @example 4 */
            max_score: number;
            /** @example 87.5 */
            percent: number;
            results: {
                correct: boolean;
                correct_answer: {
                    option_ids: string[];
                } | {
                    accepted_answers: string[];
                };
                /** @description Points earned, 0 to 1 (partial for multiple_response) */
                credit: number;
                explanation: string;
                given: components["schemas"]["GivenAnswer"] & unknown;
                question_id: string;
                /** @description The lesson moment that explains the answer; null without evidence */
                review: {
                    /** @description A clip of the moment, once rendered */
                    clip_url?: string;
                    /** @example 214.25 */
                    end: number;
                    /** @example 203.5 */
                    start: number;
                } | null;
            }[];
            /** @example 3.5 */
            score: number;
        } | null;
        AttemptStart: {
            /** @example 0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a */
            attempt_id: string;
            questions: components["schemas"]["LearnerQuestion"][];
            /** @example 1 */
            quiz_version: number;
            /** Format: date-time */
            started_at: string;
        };
        AttemptSummary: {
            attempt_id: string;
            learner_id: string;
            max_score: number;
            percent: number | null;
            quiz_id: string;
            quiz_version: number;
            /** @description Null until submitted */
            score: number | null;
            /** Format: date-time */
            started_at: string;
            /** @enum {string} */
            status: "in_progress" | "submitted";
            /** Format: date-time */
            submitted_at: string | null;
        };
        ChapterRun: {
            /** @example 3f0c9a2e-8a4b-4a57-9b0e-2d6c1f7e5a10 */
            asset_id: string;
            chapters: {
                /**
                 * @description Seconds; the next chapter's start
                 * @example 312.4
                 */
                end: number;
                /** @example 0 */
                index: number;
                /**
                 * @description Seconds, on a transcript segment start
                 * @example 0
                 */
                start: number;
                /** @example Light, water and carbon dioxide, and where each comes from. */
                summary: string;
                /** @example What photosynthesis needs */
                title: string;
            }[];
            /** @example 2026-11-24T03:05:00.000Z */
            generated_at: string;
            /**
             * @description The language titles and summaries are in
             * @example en
             */
            language: string | null;
            /** @example 12 */
            max_chapters: number;
            /** @example lesson-app */
            project_id: string;
            /** @description What was fixed in the model's answer (chapters out of range, overlapping, gaps, moved to a line start) */
            repairs: {
                clamped: number;
                dropped_empty: number;
                dropped_out_of_range: number;
                gaps: number;
                merged: number;
                overlaps: number;
                received: number;
                snapped: number;
                truncated: number;
            };
            /** @example req_3b7e... */
            request_id: string;
            summary: {
                /** @example How plants turn light into sugar, in two stages. */
                abstract: string;
                /**
                 * @example [
                 *       "Chlorophyll absorbs red and blue light"
                 *     ]
                 */
                key_points: string[];
                /** @example Photosynthesis */
                title: string;
            };
            /** @example 5b1d... */
            transcript_id: string;
            usage: {
                /** @example 1 */
                requests: number;
                /** @example 5321 */
                total_tokens: number;
            };
        };
        /** @description The result of a completed chapters job */
        ChaptersJobResult: {
            asset_id: string;
            /** @description True when a stored run with the same parameters answered without calling OpenAI */
            cached: boolean;
            chapter_count: number;
            chapter_run_id: string;
            generated_at: string;
            /** @description The transcript's language, which the chapters and summary are written in */
            language: string | null;
            max_chapters: number;
            model: string;
            prompt_version: string;
            request_id: string;
            transcript_id: string;
            usage: {
                completion_tokens: number;
                prompt_tokens: number;
                requests: number;
                total_tokens: number;
            };
        };
        CreateApiKeyRequest: {
            /**
             * @description Label to tell keys apart; defaults to 'default'
             * @example flutter-app
             */
            name?: string;
        };
        CreatedApiKey: {
            /**
             * Format: date-time
             * @example 2026-11-24T03:00:00.000Z
             */
            created_at: string;
            /**
             * @description Key id, used to revoke it
             * @example key_6f1c0c7e2b7a4b0f9d1e5a3c8b2d4e6f
             */
            id: string;
            /**
             * @description The full key. Shown only in this response; only its hash is stored
             * @example emk_Q2hhbmdlTWVJbkFSZWFsRGVwbG95bWVudE5vdEFLZXk
             */
            key: string;
            /** @example flutter-app */
            name: string;
            /**
             * @description First characters of the key, safe to display
             * @example emk_Q2hhbmdl
             */
            prefix: string;
        };
        /**
         * @example {
         *       "job_type": "transcription",
         *       "payload": {
         *         "asset_id": "a1b2c3",
         *         "language": "en"
         *       },
         *       "max_attempts": 3
         *     }
         */
        CreateJobRequest: {
            /** @enum {string} */
            job_type: "ingest";
            /**
             * @description Attempts before the job fails (default JOB_MAX_ATTEMPTS)
             * @example 3
             */
            max_attempts?: number;
            payload: {
                /** @description The uploaded asset to probe and make thumbnails for */
                asset_id: string;
            };
            /**
             * @description Backoff base: retry n waits retry_delay_seconds * 2^(n-1) (default JOB_RETRY_DELAY_SECONDS)
             * @example 5
             */
            retry_delay_seconds?: number;
        } | {
            /** @enum {string} */
            job_type: "transcription";
            /**
             * @description Attempts before the job fails (default JOB_MAX_ATTEMPTS)
             * @example 3
             */
            max_attempts?: number;
            payload: {
                /** @description The video or audio asset to transcribe */
                asset_id: string;
                /** @description Transcribe again even if a transcript exists */
                force?: boolean;
                /** @description Spoken language hint for Whisper (ISO-639-1); detected when absent */
                language?: string;
                /** @description Vocabulary or style hint passed to Whisper, before the project's glossary */
                prompt?: string;
            };
            /**
             * @description Backoff base: retry n waits retry_delay_seconds * 2^(n-1) (default JOB_RETRY_DELAY_SECONDS)
             * @example 5
             */
            retry_delay_seconds?: number;
        } | {
            /** @enum {string} */
            job_type: "scene_detection";
            /**
             * @description Attempts before the job fails (default JOB_MAX_ATTEMPTS)
             * @example 3
             */
            max_attempts?: number;
            payload: {
                /** @description The transcribed asset to find highlight scenes in */
                asset_id: string;
                /** @description What makes a scene worth keeping */
                criteria?: string;
                /** @description Ask GPT again even if a cached run matches */
                force?: boolean;
                /** @description Upper bound on returned scenes */
                max_scenes?: number;
                /** @description Desired tone of the highlights, e.g. 'energetic' */
                tone?: string;
            };
            /**
             * @description Backoff base: retry n waits retry_delay_seconds * 2^(n-1) (default JOB_RETRY_DELAY_SECONDS)
             * @example 5
             */
            retry_delay_seconds?: number;
        } | {
            /** @enum {string} */
            job_type: "export";
            /**
             * @description Attempts before the job fails (default JOB_MAX_ATTEMPTS)
             * @example 3
             */
            max_attempts?: number;
            payload: {
                /** @enum {boolean} */
                from_scenes?: false;
                timeline: {
                    /**
                     * @default 16:9
                     * @enum {string}
                     */
                    aspect_ratio: "16:9" | "9:16" | "1:1";
                    background_music?: {
                        /** @description A music upload of this project */
                        asset_id: string;
                        /**
                         * @default {
                         *       "enabled": false,
                         *       "threshold": -26,
                         *       "ratio": 8,
                         *       "attack": 20,
                         *       "release": 400
                         *     }
                         */
                        ducking: {
                            /**
                             * @description Milliseconds
                             * @default 20
                             */
                            attack: number;
                            /** @default false */
                            enabled: boolean;
                            /** @default 8 */
                            ratio: number;
                            /**
                             * @description Milliseconds
                             * @default 400
                             */
                            release: number;
                            /**
                             * @description dBFS of speech above which the music is lowered
                             * @default -26
                             */
                            threshold: number;
                        };
                        /** @default 0 */
                        fade_in: number;
                        /** @default 0 */
                        fade_out: number;
                        /** @default false */
                        loop: boolean;
                        /**
                         * @description Where playback starts inside the music file
                         * @default 0
                         */
                        offset: number;
                        /**
                         * @description Linear gain
                         * @default 0.3
                         */
                        volume: number;
                    };
                    clips: {
                        /** @description A ready video of this project */
                        asset_id: string;
                        /** @default 0 */
                        in_point: number;
                        /** @default true */
                        include_audio: boolean;
                        /** @description Omitted means the end of the source */
                        out_point?: number;
                        /** @description Extra cues on the source clock */
                        subtitles?: {
                            end: number;
                            start: number;
                            text: string;
                        }[];
                        /**
                         * @default {
                         *       "type": "cut",
                         *       "duration": 0
                         *     }
                         */
                        transition: {
                            /**
                             * @description Seconds; a crossfade shortens the output by it
                             * @default 0
                             */
                            duration: number;
                            /**
                             * @description How this clip hands over to the next one
                             * @default cut
                             * @enum {string}
                             */
                            type: "cut" | "crossfade" | "fade_to_black" | "fade_to_white";
                        };
                    }[];
                    default_watermark?: {
                        /** @description An image upload of this project */
                        asset_id: string;
                        /** @default 1 */
                        opacity: number;
                        /**
                         * @default bottom-right
                         * @enum {string}
                         */
                        position: "top-left" | "top-right" | "bottom-left" | "bottom-right";
                        /**
                         * @description Watermark width as a share of the frame width
                         * @default 0.15
                         */
                        scale: number;
                    };
                    export_templates?: {
                        audio_bitrate?: number | string;
                        /**
                         * @default mp4
                         * @enum {string}
                         */
                        format: "mp4" | "mov" | "webm";
                        height: number;
                        name: string;
                        video_bitrate?: number | string;
                        width: number;
                    }[];
                    /**
                     * @default contain
                     * @enum {string}
                     */
                    fit: "contain" | "cover";
                    /** @default true */
                    generate_thumbnails: boolean;
                    global_subtitles?: boolean | {
                        asset_id?: string;
                        /** @default true */
                        enabled: boolean;
                    };
                    /**
                     * @default 720p
                     * @enum {string}
                     */
                    resolution: "540p" | "720p" | "1080p";
                };
            } | {
                /**
                 * @default 16:9
                 * @enum {string}
                 */
                aspect_ratio: "16:9" | "9:16" | "1:1";
                /** @description The video whose scene run becomes the timeline */
                asset_id: string;
                background_music?: {
                    /** @description A music upload of this project */
                    asset_id: string;
                    /**
                     * @default {
                     *       "enabled": false,
                     *       "threshold": -26,
                     *       "ratio": 8,
                     *       "attack": 20,
                     *       "release": 400
                     *     }
                     */
                    ducking: {
                        /**
                         * @description Milliseconds
                         * @default 20
                         */
                        attack: number;
                        /** @default false */
                        enabled: boolean;
                        /** @default 8 */
                        ratio: number;
                        /**
                         * @description Milliseconds
                         * @default 400
                         */
                        release: number;
                        /**
                         * @description dBFS of speech above which the music is lowered
                         * @default -26
                         */
                        threshold: number;
                    };
                    /** @default 0 */
                    fade_in: number;
                    /** @default 0 */
                    fade_out: number;
                    /** @default false */
                    loop: boolean;
                    /**
                     * @description Where playback starts inside the music file
                     * @default 0
                     */
                    offset: number;
                    /**
                     * @description Linear gain
                     * @default 0.3
                     */
                    volume: number;
                };
                criteria?: string;
                default_watermark?: {
                    /** @description An image upload of this project */
                    asset_id: string;
                    /** @default 1 */
                    opacity: number;
                    /**
                     * @default bottom-right
                     * @enum {string}
                     */
                    position: "top-left" | "top-right" | "bottom-left" | "bottom-right";
                    /**
                     * @description Watermark width as a share of the frame width
                     * @default 0.15
                     */
                    scale: number;
                };
                export_templates?: {
                    audio_bitrate?: number | string;
                    /**
                     * @default mp4
                     * @enum {string}
                     */
                    format: "mp4" | "mov" | "webm";
                    height: number;
                    name: string;
                    video_bitrate?: number | string;
                    width: number;
                }[];
                /**
                 * @default contain
                 * @enum {string}
                 */
                fit: "contain" | "cover";
                /** @enum {boolean} */
                from_scenes: true;
                /** @default true */
                generate_thumbnails: boolean;
                global_subtitles?: boolean | {
                    asset_id?: string;
                    /** @default true */
                    enabled: boolean;
                };
                /** @default true */
                include_audio: boolean;
                /**
                 * @default 720p
                 * @enum {string}
                 */
                resolution: "540p" | "720p" | "1080p";
                tone?: string;
                /**
                 * @default {
                 *       "type": "cut",
                 *       "duration": 0
                 *     }
                 */
                transition: {
                    /**
                     * @description Seconds; a crossfade shortens the output by it
                     * @default 0
                     */
                    duration: number;
                    /**
                     * @description How this clip hands over to the next one
                     * @default cut
                     * @enum {string}
                     */
                    type: "cut" | "crossfade" | "fade_to_black" | "fade_to_white";
                };
            };
            /**
             * @description Backoff base: retry n waits retry_delay_seconds * 2^(n-1) (default JOB_RETRY_DELAY_SECONDS)
             * @example 5
             */
            retry_delay_seconds?: number;
        } | {
            /** @enum {string} */
            job_type: "quiz_generation";
            /**
             * @description Attempts before the job fails (default JOB_MAX_ATTEMPTS)
             * @example 3
             */
            max_attempts?: number;
            payload: {
                /** @description The lesson video; transcribed first if it has no transcript yet */
                asset_id: string;
                /** @description Who takes the quiz, e.g. 'grade 7' */
                audience?: string;
                /**
                 * @default mixed
                 * @enum {string}
                 */
                difficulty: "easy" | "medium" | "hard" | "mixed";
                /** @description What to ask about, e.g. 'the three inputs of photosynthesis' */
                focus?: string;
                /** @description Generate again even if an identical request has a quiz */
                force?: boolean;
                /** @description The quiz's language (ISO-639-1); default the transcript's. Evidence quotes stay in the lesson's language */
                language?: string;
                /**
                 * @description Questions to keep
                 * @default 10
                 */
                num_questions: number;
                /**
                 * @description Types to mix; multiple_choice has one correct option, multiple_response one or more
                 * @default [
                 *       "multiple_choice",
                 *       "true_false"
                 *     ]
                 */
                question_types: ("multiple_choice" | "multiple_response" | "true_false" | "short_answer")[];
                /** @description Quiz only this part of the lesson */
                range?: {
                    /** @description Seconds from the start of the video, after start */
                    end: number;
                    /** @description Seconds from the start of the video */
                    start: number;
                };
                /** @description Quiz one scene of the video's latest scene run (GET …/ai/scenes), instead of a range */
                scene_id?: string;
                /**
                 * @description Check each question by answering it from its cited excerpt alone
                 * @default true
                 */
                verify: boolean;
            };
            /**
             * @description Backoff base: retry n waits retry_delay_seconds * 2^(n-1) (default JOB_RETRY_DELAY_SECONDS)
             * @example 5
             */
            retry_delay_seconds?: number;
        } | {
            /** @enum {string} */
            job_type: "translation";
            /**
             * @description Attempts before the job fails (default JOB_MAX_ATTEMPTS)
             * @example 3
             */
            max_attempts?: number;
            payload: {
                /** @description The transcribed video whose transcript to translate */
                asset_id: string;
                /** @description Translate again even where a translation of this transcript exists */
                force?: boolean;
                /** @description Languages to translate the transcript into, e.g. ['de', 'es'] */
                target_languages: string[];
            };
            /**
             * @description Backoff base: retry n waits retry_delay_seconds * 2^(n-1) (default JOB_RETRY_DELAY_SECONDS)
             * @example 5
             */
            retry_delay_seconds?: number;
        } | {
            /** @enum {string} */
            job_type: "chapters";
            /**
             * @description Attempts before the job fails (default JOB_MAX_ATTEMPTS)
             * @example 3
             */
            max_attempts?: number;
            payload: {
                /** @description The transcribed video to split into chapters and summarise */
                asset_id: string;
                /** @description Ask the model again even if a cached run matches */
                force?: boolean;
                /** @description Upper bound on chapters (default 12) */
                max_chapters?: number;
            };
            /**
             * @description Backoff base: retry n waits retry_delay_seconds * 2^(n-1) (default JOB_RETRY_DELAY_SECONDS)
             * @example 5
             */
            retry_delay_seconds?: number;
        } | {
            /** @enum {string} */
            job_type: "quiz_review_clips";
            /**
             * @description Attempts before the job fails (default JOB_MAX_ATTEMPTS)
             * @example 3
             */
            max_attempts?: number;
            payload: {
                /**
                 * @description Seconds added before and after each question's evidence window
                 * @default 2
                 */
                padding_seconds: number;
                /**
                 * Format: uuid
                 * @description A quiz of this project with at least one question tied to the video
                 */
                quiz_id: string;
                /**
                 * @description Burn the lesson's own transcript into the clips
                 * @default true
                 */
                subtitles: boolean;
            };
            /**
             * @description Backoff base: retry n waits retry_delay_seconds * 2^(n-1) (default JOB_RETRY_DELAY_SECONDS)
             * @example 5
             */
            retry_delay_seconds?: number;
        };
        CreateLearnerTokenRequest: {
            /**
             * @description Lifetime in seconds, 60 to 86400 (default 3600)
             * @example 3600
             */
            expires_in?: number;
            /**
             * @description The app's own, opaque id for the learner
             * @example learner-42
             */
            learner_id: string;
        };
        CreateQuizQuestion: {
            /** @default [] */
            accepted_answers: string[];
            /**
             * @default remember
             * @enum {string}
             */
            bloom_level: "remember" | "understand" | "apply" | "analyze" | "evaluate" | "create";
            /**
             * @default medium
             * @enum {string}
             */
            difficulty: "easy" | "medium" | "hard";
            evidence?: components["schemas"]["QuizEvidenceInput"];
            /** @default  */
            explanation: string;
            /** @default [] */
            options: {
                /** @example true */
                correct: boolean;
                /**
                 * @description Keep an option's id to keep it; new options get the next free o<n>
                 * @example o2
                 */
                id?: string;
                /** @example Water */
                text: string;
            }[];
            /**
             * @description 1-based place among the quiz's questions
             * @example 1
             */
            position?: number;
            /** @example Which of these does photosynthesis need? */
            stem: string;
            /**
             * @example multiple_choice
             * @enum {string}
             */
            type: "multiple_choice" | "multiple_response" | "true_false" | "short_answer";
        };
        CreateStreamTokenRequest: {
            /**
             * @description Lifetime in seconds, at most 900 (the default)
             * @example 300
             */
            ttl_seconds?: number;
        };
        CreateWebhookRequest: {
            /** @example Lesson app backend */
            description?: string | null;
            /**
             * @description Default true
             * @example true
             */
            enabled?: boolean;
            /**
             * @description The event types to deliver, or `["*"]` for every one
             * @example [
             *       "asset.ready"
             *     ]
             */
            events: ("*" | components["schemas"]["WebhookEventType"])[];
            /**
             * @description Where deliveries are POSTed: https (http too outside production), no credentials, at most 2048 characters; in production not localhost nor a private, loopback or link-local IP address
             * @example https://hooks.example.com/edge-media
             */
            url: string;
        };
        DeletedObjects: {
            /** @example 104960000 */
            deleted_bytes: number;
            /** @example 3 */
            deleted_objects: number;
        };
        DirectUpload: {
            /**
             * @description The URL cannot start an upload after this
             * @example 2026-11-24T04:30:00.000Z
             */
            expires_at: string;
            /**
             * @description The upload id the URL will create
             * @example 8f14e45fceea467a9b3c2d1e0f9a8b7c
             */
            id: string;
            /** @example 2147483648 */
            max_size_bytes: number;
            /**
             * @description tus creation endpoint with a signed single-use token; needs no API key
             * @example https://api.example.com/projects/lesson-app/uploads?token=eyJwdXJwb3NlIjoiZGlyZWN0X3VwbG9hZCJ9.c2ln
             */
            upload_url: string;
        };
        DirectUploadRequest: {
            /**
             * @description How long the URL can be used to start the upload (default 3600, at most 7 days)
             * @example 3600
             */
            expires_in_seconds?: number;
            /**
             * @description Largest Upload-Length the URL accepts; default and ceiling RESUMABLE_UPLOAD_MAX_SIZE
             * @example 2147483648
             */
            max_size_bytes?: number;
        };
        Error: {
            error: {
                /**
                 * @example NOT_FOUND
                 * @enum {string}
                 */
                code: "BAD_REQUEST" | "MALFORMED_JSON" | "VALIDATION_ERROR" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "CONFLICT" | "GONE" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "RANGE_NOT_SATISFIABLE" | "CHECKSUM_MISMATCH" | "RATE_LIMITED" | "QUEUE_FULL" | "INTERNAL_ERROR" | "CONFIGURATION_ERROR" | "SERVICE_UNAVAILABLE" | "UPSTREAM_ERROR";
                details?: components["schemas"]["FieldError"][];
                /** @example Video asset not found */
                message: string;
                /** @example f1b5c2de-7c55-4cc1-9a3b-6a3a4c1f2b10 */
                request_id: string;
            };
        };
        /** @description The result of a completed export job */
        ExportJobResult: {
            clips: number;
            /** @description Seconds of the planned timeline */
            duration: number;
            outputs: {
                /** @description The export asset holding this output */
                asset_id: string;
                download_path: string;
                duration: number;
                /** @enum {string} */
                format: "mp4" | "mov" | "webm";
                height: number;
                size_bytes: number;
                template: string;
                thumbnail_path: string | null;
                width: number;
            }[];
            scene_run_id: string | null;
            source_asset_ids: string[];
        };
        FieldError: {
            /** @example invalid_type */
            code: string;
            /** @example Invalid input: expected string, received undefined */
            message: string;
            /** @example payload.asset_id */
            path: string;
        };
        /**
         * @description `{option_ids}` for choice questions (one id for multiple_choice and true_false), `{text}` for short_answer
         * @example {
         *       "option_ids": [
         *         "o2"
         *       ]
         *     }
         */
        GivenAnswer: {
            option_ids: string[];
        } | {
            text: string;
        };
        Glossary: {
            /** @example lesson-app */
            project_id: string;
            /**
             * @example [
             *       "chlorophyll",
             *       "Krebs cycle"
             *     ]
             */
            terms: string[];
            /**
             * @description Null when never set
             * @example 2026-11-24T03:05:00Z
             */
            updated_at: string | null;
        };
        GlossaryRequest: {
            /** @description Up to 200 terms; an empty list clears the glossary */
            terms: string[];
        };
        Health: {
            /**
             * @example healthy
             * @enum {string}
             */
            status: "healthy";
            /**
             * Format: date-time
             * @example 2026-01-01T12:30:00.000Z
             */
            timestamp: string;
        };
        Info: {
            /** @example false */
            debug: boolean;
            /** @example Quiz System Backend */
            name: string;
            /** @example 0.1.0 */
            version: string;
        };
        /** @description The result of a completed ingest job */
        IngestJobResult: {
            asset_id: string;
            metadata: {
                audio_codec: string | null;
                bitrate: number;
                container: string;
                duration: number;
                fps: number;
                has_audio: boolean;
                height: number;
                rotation: 0 | 90 | 180 | 270;
                storyboard: {
                    columns: number;
                    rows: number;
                    tile_count: number;
                    tile_height: number;
                    tile_width: number;
                } | null;
                thumbnail: {
                    at_seconds: number;
                    height: number;
                    width: number;
                } | null;
                video_codec: string;
                width: number;
            };
            storyboard_key: string | null;
            thumbnail_key: string | null;
        };
        Job: {
            /**
             * @description Attempts started so far
             * @example 1
             */
            attempts: number;
            /**
             * Format: date-time
             * @example 2026-11-24T10:00:00.000Z
             */
            created_at: string;
            /** @example null */
            error_message: string | null;
            /**
             * Format: date-time
             * @example null
             */
            finished_at: string | null;
            /** @example 6f1c2f0e-5a43-4a8e-9a57-0d1d0cf1c001 */
            id: string;
            /**
             * @example transcription
             * @enum {string}
             */
            job_type: "ingest" | "transcription" | "scene_detection" | "export" | "quiz_generation" | "translation" | "chapters" | "quiz_review_clips";
            logs: components["schemas"]["JobLog"][];
            /** @example 3 */
            max_attempts: number;
            /**
             * Format: date-time
             * @description When a scheduled retry becomes due
             * @example null
             */
            next_attempt_at: string | null;
            /**
             * @example {
             *       "asset_id": "a1b2c3"
             *     }
             */
            payload: {
                [key: string]: unknown;
            };
            /** @example 40 */
            progress: number;
            /** @example lesson-app */
            project_id: string;
            /**
             * @description Null until the job completes, then its type's result: IngestJobResult, TranscriptionJobResult, SceneDetectionJobResult, ExportJobResult, QuizGenerationJobResult, TranslationJobResult, ChaptersJobResult, QuizReviewClipsJobResult
             * @example null
             */
            result: {
                [key: string]: unknown;
            } | null;
            /** @example 5 */
            retry_delay_seconds: number;
            /**
             * Format: date-time
             * @example 2026-11-24T10:00:01.000Z
             */
            started_at: string | null;
            /**
             * @example running
             * @enum {string}
             */
            status: "queued" | "running" | "completed" | "failed" | "cancelled";
            /**
             * Format: date-time
             * @example 2026-11-24T10:00:05.000Z
             */
            updated_at: string;
        };
        JobList: {
            items: components["schemas"]["Job"][];
            /**
             * @description Pass as `cursor` for the next page
             * @example null
             */
            next_cursor: string | null;
        };
        JobLog: {
            /** @example null */
            details: {
                [key: string]: unknown;
            } | null;
            /**
             * @example info
             * @enum {string}
             */
            level: "debug" | "info" | "warning" | "error";
            /** @example Attempt 1/3 started */
            message: string;
            /**
             * Format: date-time
             * @example 2026-11-24T10:00:01.250Z
             */
            timestamp: string;
        };
        LearnerQuestion: {
            /** @description The lesson moment the question belongs to */
            cue: {
                /** @example 214.25 */
                end: number;
                /** @example 203.5 */
                start: number;
            } | null;
            id: string;
            /** @description Shuffled for this attempt (the same order on every read); empty for short_answer */
            options: {
                /** @example o2 */
                id: string;
                text: string;
            }[];
            /** @example Which of these does photosynthesis need? */
            stem: string;
            /**
             * @example multiple_choice
             * @enum {string}
             */
            type: "multiple_choice" | "multiple_response" | "true_false" | "short_answer";
        };
        LearnerToken: {
            /**
             * Format: date-time
             * @example 2026-12-06T16:00:00.000Z
             */
            expires_at: string;
            /** @example 3600 */
            expires_in: number;
            /** @example learner-42 */
            learner_id: string;
            /** @example lesson-app */
            project_id: string;
            /** @example 5b0c1f3e-9d2a-4c6b-8e7f-1a2b3c4d5e6f */
            quiz_id: string;
            /**
             * @description Send as `Authorization: Bearer` or, on media reads, as `?token=`
             * @example elt_eyJwdXJwb3NlIjoibGVhcm5lciIsImV4cCI6MTc5NTQ5ODQwMH0.3q2-7wX0i0yQ6q9G1qk6yXk2H1o3b0gq2ZbYqfV9c8E
             */
            token: string;
        };
        ProjectStorageStats: {
            /** @description Per R2 folder: uploads, processed, thumbnails, exports, music, images */
            categories: {
                exports: components["schemas"]["UsageFigures"];
                images: components["schemas"]["UsageFigures"];
                music: components["schemas"]["UsageFigures"];
                processed: components["schemas"]["UsageFigures"];
                thumbnails: components["schemas"]["UsageFigures"];
                uploads: components["schemas"]["UsageFigures"];
            };
            /** @example lesson-app */
            project_id: string;
            total: components["schemas"]["UsageFigures"];
        };
        Quiz: {
            /** @example 3f0c9a2e-8a4b-4a57-9b0e-2d6c1f7e5a10 */
            asset_id: string;
            /** @description As the generation counted them (later edits do not change them) */
            counts: {
                /** @example 12 */
                generated: number;
                /** @example 10 */
                kept: number;
                /** @example 2 */
                rejected: number;
                /** @example 10 */
                requested: number;
            };
            /** @example 2026-11-24T03:00:00.000Z */
            created_at: string;
            /**
             * @description True when some question's evidence was checked against an older transcript of the video
             * @example false
             */
            evidence_stale: boolean;
            /** @example 5b0c1f3e-9d2a-4c6b-8e7f-1a2b3c4d5e6f */
            id: string;
            job_id: string | null;
            /** @example en */
            language: string;
            /** @example gpt-4o-mini */
            model: string;
            parameters: components["schemas"]["QuizParameters"];
            /** @example lesson-app */
            project_id: string;
            /** @example quiz-v1 */
            prompt_version: string;
            /** @example null */
            published_at: string | null;
            questions: components["schemas"]["QuizQuestion"][];
            /** @description Questions the checks rejected, with reasons */
            rejected: components["schemas"]["RejectedQuizQuestion"][];
            /**
             * @description Seed of the option order
             * @example 2718281828
             */
            seed: number;
            /**
             * @example draft
             * @enum {string}
             */
            status: "draft" | "published";
            /** @example Quiz: photosynthesis */
            title: string;
            /** @description The transcript the quiz was generated from */
            transcript_id: string;
            /** @example 2026-11-24T03:00:00.000Z */
            updated_at: string;
            usage: {
                completion_tokens: number;
                prompt_tokens: number;
                requests: number;
                total_tokens: number;
            };
        };
        QuizCheck: {
            /** @example The quote appears in the cited segments */
            detail: string;
            /** @example quote_in_segments */
            name: string;
            /** @example true */
            passed: boolean;
            /**
             * @description error: decides whether the question is kept; warning: a flag for the teacher
             * @enum {string}
             */
            severity: "error" | "warning";
        };
        QuizEvidence: {
            /**
             * @description End of the last cited segment, seconds
             * @example 214.25
             */
            end: number;
            /**
             * @description Verbatim words from the cited segments
             * @example needs light, water and carbon dioxide
             */
            quote: string;
            /**
             * @description Transcript segments that contain the answer (indices into the transcript's segments)
             * @example [
             *       41,
             *       42
             *     ]
             */
            segment_indices: number[];
            /**
             * @description Start of the first cited segment, seconds
             * @example 203.5
             */
            start: number;
        } | null;
        /**
         * @description Checked against the video's current transcript
         * @default null
         */
        QuizEvidenceInput: {
            /** @description Optional; must be the cited segments' end */
            end?: number;
            /** @example needs light, water and carbon dioxide */
            quote: string;
            /**
             * @example [
             *       41
             *     ]
             */
            segment_indices: number[];
            /** @description Optional; must be the cited segments' start */
            start?: number;
        } | null;
        /** @description The result of a completed quiz_generation job */
        QuizGenerationJobResult: {
            asset_id: string;
            /** @description True when an identical request's quiz answered without calling OpenAI */
            cached: boolean;
            counts: {
                generated: number;
                kept: number;
                rejected: number;
                requested: number;
            };
            created_at: string;
            language: string;
            model: string;
            prompt_version: string;
            quiz_id: string;
            title: string;
            /** @description False when this job transcribed the video first */
            transcript_cached: boolean;
            transcript_id: string;
            usage: {
                completion_tokens: number;
                prompt_tokens: number;
                requests: number;
                total_tokens: number;
            };
        };
        QuizList: {
            items: components["schemas"]["QuizSummary"][];
            next_cursor: string | null;
        };
        QuizOption: {
            /** @example true */
            correct: boolean;
            /**
             * @description Stable within the question
             * @example o2
             */
            id: string;
            /** @example Water */
            text: string;
        };
        QuizParameters: {
            /** @example grade 7 */
            audience: string | null;
            /**
             * @example mixed
             * @enum {string}
             */
            difficulty: "easy" | "medium" | "hard" | "mixed";
            /** @example null */
            focus: string | null;
            /** @example en */
            language: string;
            /** @example 10 */
            num_questions: number;
            question_types: ("multiple_choice" | "multiple_response" | "true_false" | "short_answer")[];
            range: {
                end: number;
                start: number;
            } | null;
            /** @example null */
            scene_id: string | null;
            /** @example true */
            verify: boolean;
        };
        QuizQuestion: {
            /**
             * @description short_answer only
             * @example []
             */
            accepted_answers: string[];
            /**
             * @example remember
             * @enum {string}
             */
            bloom_level: "remember" | "understand" | "apply" | "analyze" | "evaluate" | "create";
            checks: components["schemas"]["QuizCheck"][];
            /**
             * @example easy
             * @enum {string}
             */
            difficulty: "easy" | "medium" | "hard";
            evidence: components["schemas"]["QuizEvidence"];
            /** @example The teacher lists light, water and carbon dioxide as the inputs. */
            explanation: string;
            /** @example 9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d */
            id: string;
            /** @description Empty for short_answer */
            options: components["schemas"]["QuizOption"][];
            /**
             * @example generated
             * @enum {string}
             */
            origin: "generated" | "teacher";
            /** @example 1 */
            position: number;
            /** @example Which of these does photosynthesis need? */
            stem: string;
            /**
             * @example multiple_choice
             * @enum {string}
             */
            type: "multiple_choice" | "multiple_response" | "true_false" | "short_answer";
        };
        QuizReviewClip: {
            /** @description The export asset holding the clip */
            asset_id: string;
            /**
             * Format: uri
             * @description The clip's content URL (Range works)
             */
            clip_url: string;
            created_at: string;
            /** @example 54 */
            end: number;
            /** @description The quiz_review_clips job that rendered it */
            job_id: string;
            question_id: string;
            /**
             * @description Seconds on the lesson video's clock
             * @example 36
             */
            start: number;
        };
        QuizReviewClipList: {
            items: components["schemas"]["QuizReviewClip"][];
        };
        /** @description The result of a completed quiz_review_clips job */
        QuizReviewClipsJobResult: {
            clips: {
                /** @description The export asset holding the clip */
                asset_id: string;
                download_path: string;
                /** @description Seconds of the rendered clip */
                duration: number;
                end: number;
                question_id: string;
                /** @description Seconds on the lesson video's clock */
                start: number;
            }[];
            quiz_id: string;
            /** @description The previous clips, deleted once these were stored */
            replaced_asset_ids: string[];
        };
        QuizStats: {
            /**
             * @description Submitted attempts
             * @example 120
             */
            attempts: number;
            /**
             * @description With 10+ attempts on a single version in scope, and varying scores
             * @example 0.74
             */
            cronbach_alpha: number | null;
            /** @example 71.25 */
            mean_percent: number | null;
            /** @example 75 */
            median_percent: number | null;
            questions: {
                attempts: number;
                /** @description Attempts with full credit */
                correct: number;
                /**
                 * @description Proportion correct (mean credit)
                 * @example 0.64
                 */
                difficulty: number | null;
                /**
                 * @description Point-biserial correlation with the rest of the attempt's score
                 * @example 0.38
                 */
                discrimination: number | null;
                flags: ("too_easy" | "too_hard" | "negative_discrimination" | "distractor_never_chosen")[];
                options: {
                    chosen: number;
                    correct: boolean;
                    option_id: string;
                    text: string;
                }[];
                position: number;
                question_id: string;
                stem: string;
                /**
                 * @example multiple_choice
                 * @enum {string}
                 */
                type: "multiple_choice" | "multiple_response" | "true_false" | "short_answer";
            }[];
            quiz_id: string;
            /** @description The version asked for; null for all versions */
            version: number | null;
            /** @description Versions with submitted attempts in scope */
            versions: number[];
        };
        QuizSummary: {
            /** @example 3f0c9a2e-8a4b-4a57-9b0e-2d6c1f7e5a10 */
            asset_id: string;
            /** @description As the generation counted them (later edits do not change them) */
            counts: {
                /** @example 12 */
                generated: number;
                /** @example 10 */
                kept: number;
                /** @example 2 */
                rejected: number;
                /** @example 10 */
                requested: number;
            };
            /** @example 2026-11-24T03:00:00.000Z */
            created_at: string;
            /**
             * @description True when some question's evidence was checked against an older transcript of the video
             * @example false
             */
            evidence_stale: boolean;
            /** @example 5b0c1f3e-9d2a-4c6b-8e7f-1a2b3c4d5e6f */
            id: string;
            job_id: string | null;
            /** @example en */
            language: string;
            /** @example gpt-4o-mini */
            model: string;
            parameters: components["schemas"]["QuizParameters"];
            /** @example lesson-app */
            project_id: string;
            /** @example quiz-v1 */
            prompt_version: string;
            /** @example null */
            published_at: string | null;
            /** @example 10 */
            question_count: number;
            /**
             * @description Seed of the option order
             * @example 2718281828
             */
            seed: number;
            /**
             * @example draft
             * @enum {string}
             */
            status: "draft" | "published";
            /** @example Quiz: photosynthesis */
            title: string;
            /** @description The transcript the quiz was generated from */
            transcript_id: string;
            /** @example 2026-11-24T03:00:00.000Z */
            updated_at: string;
            usage: {
                completion_tokens: number;
                prompt_tokens: number;
                requests: number;
                total_tokens: number;
            };
        };
        RejectedQuizQuestion: {
            /**
             * @description short_answer only
             * @example []
             */
            accepted_answers: string[];
            /**
             * @example remember
             * @enum {string}
             */
            bloom_level: "remember" | "understand" | "apply" | "analyze" | "evaluate" | "create";
            checks: components["schemas"]["QuizCheck"][];
            /**
             * @example easy
             * @enum {string}
             */
            difficulty: "easy" | "medium" | "hard";
            evidence: components["schemas"]["QuizEvidence"];
            /** @example The teacher lists light, water and carbon dioxide as the inputs. */
            explanation: string;
            /** @example 9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d */
            id: string;
            /** @description Empty for short_answer */
            options: components["schemas"]["QuizOption"][];
            /**
             * @example generated
             * @enum {string}
             */
            origin: "generated" | "teacher";
            /** @example 1 */
            position: number;
            reasons: {
                /** @example answerable */
                check: string;
                /** @example Not answerable from the cited moment: ... */
                message: string;
            }[];
            /** @example Which of these does photosynthesis need? */
            stem: string;
            /**
             * @example multiple_choice
             * @enum {string}
             */
            type: "multiple_choice" | "multiple_response" | "true_false" | "short_answer";
        };
        ReplayWebhookRequest: {
            /**
             * Format: date-time
             * @description Failed deliveries created at or after this time
             * @example 2026-11-24T08:00:00Z
             */
            since: string;
        };
        ReplayWebhookResult: {
            /** @example 12 */
            replayed: number;
        };
        ResumableUpload: {
            /**
             * @description The video asset, once complete
             * @example null
             */
            asset_id: string | null;
            /** @example 2026-11-24T03:30:00.000Z */
            created_at: string;
            /**
             * @description When the unfinished upload expires
             * @example 2026-11-25T03:30:00.000Z
             */
            expires_at: string;
            /** @example 8f14e45fceea467a9b3c2d1e0f9a8b7c */
            id: string;
            /**
             * @description Upload-Length
             * @example 31457280
             */
            length: number;
            /**
             * @description Bytes stored so far
             * @example 10485760
             */
            offset: number;
            /**
             * @description uploading → (assembled →) completed once the asset is registered
             * @example uploading
             * @enum {string}
             */
            status: "uploading" | "assembled" | "completed";
        };
        Scene: {
            /** @example 0.9 */
            confidence: number;
            /** @example A clear, self-contained explanation with an example. */
            description: string;
            /** @example 46.5 */
            duration: number;
            /**
             * @description Seconds, on a transcript segment end
             * @example 58.5
             */
            end: number;
            /** @example scene_1 */
            id: string;
            /**
             * @description 1 is the most important
             * @example 1
             */
            priority: number;
            /**
             * @description Seconds, on a transcript segment start
             * @example 12
             */
            start: number;
            /**
             * @example [
             *       "fractions"
             *     ]
             */
            tags: string[];
            /** @example What a denominator means */
            title: string;
        };
        /** @description The result of a completed scene_detection job */
        SceneDetectionJobResult: {
            asset_id: string;
            /** @description True when a stored run with the same parameters answered without calling OpenAI */
            cached: boolean;
            generated_at: string;
            model: string;
            parameters: {
                criteria: string | null;
                max_scenes: number;
                tone: string | null;
            };
            prompt_version: string;
            request_id: string;
            scene_count: number;
            scene_run_id: string;
            transcript_id: string;
            usage: {
                completion_tokens: number;
                prompt_tokens: number;
                requests: number;
                total_tokens: number;
            };
        };
        SceneRun: {
            /** @example 3f0c9a2e-8a4b-4a57-9b0e-2d6c1f7e5a10 */
            asset_id: string;
            /** @example 2026-11-24T03:05:00.000Z */
            generated_at: string;
            parameters: {
                /** @example null */
                criteria: string | null;
                /** @example 8 */
                max_scenes: number;
                /** @example playful */
                tone: string | null;
            };
            /** @example lesson-app */
            project_id: string;
            /** @example req_3b7e... */
            request_id: string;
            scenes: components["schemas"]["Scene"][];
            usage: {
                /** @example 1 */
                requests: number;
                /** @example 5321 */
                total_tokens: number;
            };
        };
        SearchHit: {
            /** @example 3f0c9a2e-8a4b-4a57-9b0e-2d6c1f7e5a10 */
            asset_id: string;
            /**
             * @description The lesson's file name without extension
             * @example biology-3
             */
            asset_title: string;
            /** @example 518.9 */
            end: number;
            /** @example en */
            language: string | null;
            /**
             * @description bm25 relevance, higher is better (within one query)
             * @example 7.2
             */
            score: number;
            /** @example 41 */
            segment_index: number;
            /**
             * @description The segment's text around the match, HTML-escaped, matched words in `<mark>`
             * @example in the <mark>light</mark> <mark>reaction</mark> water is split
             */
            snippet: string;
            /**
             * @example transcript
             * @enum {string}
             */
            source: "transcript" | "translation";
            /**
             * @description Seconds from the start of the video
             * @example 512.3
             */
            start: number;
        };
        SearchResult: {
            hits: components["schemas"]["SearchHit"][];
            /** @description Pass as `cursor` for the next page */
            next_cursor: string | null;
        };
        StartAttemptRequest: {
            /**
             * @description Required with a project key; with a learner token it is the token's learner
             * @example learner-42
             */
            learner_id?: string;
        };
        StorageStats: {
            /** @description Per R2 folder: uploads, processed, thumbnails, exports, music, images */
            categories: {
                exports: components["schemas"]["UsageFigures"];
                images: components["schemas"]["UsageFigures"];
                music: components["schemas"]["UsageFigures"];
                processed: components["schemas"]["UsageFigures"];
                thumbnails: components["schemas"]["UsageFigures"];
                uploads: components["schemas"]["UsageFigures"];
            };
            /**
             * @description Projects holding at least one file
             * @example 3
             */
            projects: number;
            total: components["schemas"]["UsageFigures"];
        };
        Storyboard: {
            /** @example 5 */
            columns: number;
            /**
             * @description Video duration in seconds
             * @example 312.4
             */
            duration: number;
            /** @example 5 */
            rows: number;
            /**
             * @description Path of the sprite image (JPEG) holding every tile
             * @example /projects/lesson-app/videos/3f0c…/storyboard/sprite
             */
            sprite: string;
            /** @example 90 */
            tile_height: number;
            /** @example 160 */
            tile_width: number;
            /** @description Evenly spaced frames, in time order */
            tiles: {
                /**
                 * @description Time (s) the tile shows
                 * @example 6.248
                 */
                start: number;
                /**
                 * @description Left edge in the sprite (px)
                 * @example 160
                 */
                x: number;
                /**
                 * @description Top edge in the sprite (px)
                 * @example 0
                 */
                y: number;
            }[];
        };
        StreamToken: {
            /**
             * Format: date-time
             * @example 2026-11-24T03:15:00.000Z
             */
            expires_at: string;
            /**
             * @description Seconds until expiry
             * @example 900
             */
            expires_in: number;
            /** @example lesson-app */
            project_id: string;
            /**
             * @description Pass as `?access_token=` to the event routes (SSE and WebSocket) and to a video's content, thumbnail and storyboard (players)
             * @example eyJwdXJwb3NlIjoic3RyZWFtIiwiZXhwIjoxNzk1NDk4NDAwfQ.3q2-7wX0i0yQ6q9G1qk6yXk2H1o3b0gq2ZbYqfV9c8E
             */
            token: string;
        };
        SubtitleSegment: {
            /**
             * @description exp(avg_logprob)
             * @example 0.82
             */
            confidence?: number;
            /** @example 4.2 */
            duration: number;
            /** @example 4.2 */
            end: number;
            /** @example 0 */
            index: number;
            /** @example en */
            language?: string;
            /** @example Teacher */
            speaker?: string;
            /**
             * @description Seconds from the start of the video
             * @example 0
             */
            start: number;
            /** @example Today we are going to look at how fractions work. */
            text: string;
        };
        Transcript: {
            /** @example 3f0c9a2e-8a4b-4a57-9b0e-2d6c1f7e5a10 */
            asset_id: string;
            /**
             * @description Always true here: the transcript is served from storage
             * @example true
             */
            cached: boolean;
            /** @example 2026-11-24T03:00:00.000Z */
            created_at: string;
            /**
             * @description Seconds of audio transcribed
             * @example 3600
             */
            duration: number;
            /**
             * @description ISO 639-1: the requested code, else the one Whisper detected; a translation's target language
             * @example en
             */
            language: string | null;
            /** @description model, chunks (offsets, bytes, request ids, attempts), audio encoding, job_id */
            metadata: {
                [key: string]: unknown;
            };
            /** @example lesson-app */
            project_id: string;
            /**
             * @description OpenAI x-request-id of the first chunk
             * @example req_8f1c...
             */
            request_id: string;
            /** @example 512 */
            segment_count: number;
            segments: components["schemas"]["SubtitleSegment"][];
            /** @example Today we are going to look at how fractions work. ... */
            text: string;
            /** @example 2026-11-24T03:00:00.000Z */
            updated_at: string;
            /** @description What the transcription cost */
            usage: {
                /** @example 3600 */
                audio_seconds: number;
                /**
                 * @description Whisper requests, retries included
                 * @example 7
                 */
                requests: number;
            };
            /** @description Only with `granularity=word`: every word with its timing, merged across chunks like the segments */
            words?: components["schemas"]["TranscriptWord"][];
        };
        /** @description The result of a completed transcription job */
        TranscriptionJobResult: {
            asset_id: string;
            /** @description True when a stored transcript answered without calling OpenAI */
            cached: boolean;
            created_at: string;
            duration: number;
            /** @description ISO 639-1: the payload's language, else the one Whisper detected */
            language: string | null;
            model: string;
            request_id: string;
            segment_count: number;
            transcript_id: string;
            usage: {
                audio_seconds: number;
                requests: number;
            };
            /** @description Words with timings; null when the model gave none */
            word_count: number | null;
        };
        TranscriptLanguages: {
            /** @example 3f0c9a2e-8a4b-4a57-9b0e-2d6c1f7e5a10 */
            asset_id: string;
            languages: {
                /** @example 2026-11-24T03:05:00.000Z */
                created_at: string;
                /** @example de */
                language: string;
                /**
                 * @description True for the transcript's own language
                 * @example false
                 */
                original: boolean;
                /** @example 512 */
                segment_count: number;
            }[];
            /**
             * @description ISO 639-1 of the transcript itself
             * @example en
             */
            original_language: string | null;
            /** @example 5b1d... */
            transcript_id: string;
        };
        TranscriptWord: {
            /** @example 12.71 */
            end: number;
            /**
             * @description The segment the word belongs to
             * @example 3
             */
            segment_index: number;
            /**
             * @description Seconds from the start of the video
             * @example 12.34
             */
            start: number;
            /**
             * @description As Whisper heard it, without punctuation
             * @example chlorophyll
             */
            word: string;
        };
        /** @description The result of a completed translation job */
        TranslationJobResult: {
            asset_id: string;
            languages: {
                /** @description True when a stored translation of this transcript answered */
                cached: boolean;
                language: string;
                /** @description True when this is the transcript's own language: nothing to translate */
                original: boolean;
                segment_count: number;
            }[];
            model: string;
            prompt_version: string;
            /** @description The transcript's language */
            source_language: string | null;
            transcript_id: string;
            usage: {
                completion_tokens: number;
                prompt_tokens: number;
                requests: number;
                total_tokens: number;
            };
        };
        UpdateQuiz: {
            /**
             * @description published makes the quiz available to learners
             * @enum {string}
             */
            status?: "draft" | "published";
            /** @example Photosynthesis, part 1 */
            title?: string;
        };
        UpdateQuizQuestion: {
            accepted_answers?: string[];
            /** @enum {string} */
            bloom_level?: "remember" | "understand" | "apply" | "analyze" | "evaluate" | "create";
            /** @enum {string} */
            difficulty?: "easy" | "medium" | "hard";
            evidence?: components["schemas"]["QuizEvidenceInput"];
            explanation?: string;
            options?: {
                /** @example true */
                correct: boolean;
                /**
                 * @description Keep an option's id to keep it; new options get the next free o<n>
                 * @example o2
                 */
                id?: string;
                /** @example Water */
                text: string;
            }[];
            /**
             * @description 1-based place among the quiz's questions
             * @example 1
             */
            position?: number;
            /** @example Which of these does photosynthesis need? */
            stem?: string;
            /**
             * @example multiple_choice
             * @enum {string}
             */
            type?: "multiple_choice" | "multiple_response" | "true_false" | "short_answer";
        };
        UpdateWebhookRequest: {
            /** @example Lesson app backend */
            description?: string | null;
            /**
             * @description false disables the endpoint (its pending deliveries fail); true enables it again
             * @example true
             */
            enabled?: boolean;
            /**
             * @description The event types to deliver, or `["*"]` for every one
             * @example [
             *       "asset.ready"
             *     ]
             */
            events?: ("*" | components["schemas"]["WebhookEventType"])[];
            /**
             * @description Where deliveries are POSTed: https (http too outside production), no credentials, at most 2048 characters; in production not localhost nor a private, loopback or link-local IP address
             * @example https://hooks.example.com/edge-media
             */
            url?: string;
        };
        UsageFigures: {
            /** @example 734003200 */
            bytes: number;
            /** @example 12 */
            files: number;
        };
        WebhookAttempt: {
            /**
             * Format: date-time
             * @example 2026-11-24T10:00:05.120Z
             */
            attempted_at: string;
            /**
             * @description Why no status arrived
             * @example null
             */
            error: string | null;
            /** @example 84 */
            latency_ms: number;
            /**
             * Format: date-time
             * @description When the next attempt was scheduled after this one
             * @example 2026-11-24T10:00:10.000Z
             */
            next_attempt_at: string | null;
            /**
             * @description The first 1 KB of the answer
             * @example oops
             */
            response_body: string | null;
            /**
             * @description Null when no answer came
             * @example 500
             */
            status_code: number | null;
        };
        WebhookDelivery: {
            /** @example 2 */
            attempt_count: number;
            attempts: components["schemas"]["WebhookAttempt"][];
            /**
             * Format: date-time
             * @example 2026-11-24T10:00:05.000Z
             */
            created_at: string;
            /**
             * @description The webhook-id header
             * @example msg_019a8c3e1f2b0a1b2c3d4e5f6a7b
             */
            event_id: string;
            /** @example job.completed */
            event_type: string;
            /** @example dlv_019a8c3e1f2b4c6d8e9fa0b1 */
            id: string;
            /**
             * Format: date-time
             * @example null
             */
            next_attempt_at: string | null;
            /**
             * @example succeeded
             * @enum {string}
             */
            status: "pending" | "succeeded" | "failed";
            /**
             * Format: date-time
             * @example 2026-11-24T10:00:10.300Z
             */
            updated_at: string;
            /** @example wh_3f0c9a2e8a4b4a579b0e2d6c1f7e5a10 */
            webhook_id: string;
        };
        WebhookDeliveryList: {
            items: components["schemas"]["WebhookDelivery"][];
            /**
             * @description Pass as `cursor` for the next page
             * @example null
             */
            next_cursor: string | null;
        };
        WebhookEndpoint: {
            /**
             * Format: date-time
             * @example 2026-11-24T10:00:00.000Z
             */
            created_at: string;
            /** @example null */
            description: string | null;
            /**
             * Format: date-time
             * @example null
             */
            disabled_at: string | null;
            /**
             * @description Why deliveries stopped: `gone` (the endpoint answered 410), `failing` (every attempt failed for three days), `manual` (disabled with PATCH); null while enabled
             * @example null
             * @enum {string|null}
             */
            disabled_reason: "gone" | "failing" | "manual" | null;
            /** @example true */
            enabled: boolean;
            /**
             * @example [
             *       "*"
             *     ]
             */
            events: string[];
            /** @example wh_3f0c9a2e8a4b4a579b0e2d6c1f7e5a10 */
            id: string;
            /** @example lesson-app */
            project_id: string;
            /**
             * Format: date-time
             * @description Until then deliveries also carry a signature made with the secret before the last rotation
             * @example null
             */
            secret_rotation_ends_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-24T10:00:00.000Z
             */
            updated_at: string;
            /** @example https://hooks.example.com/edge-media */
            url: string;
        };
        WebhookEndpointList: {
            items: components["schemas"]["WebhookEndpoint"][];
        };
        WebhookEndpointWithSecret: components["schemas"]["WebhookEndpoint"] & {
            /**
             * @description The signing secret (`whsec_` + base64). Shown only here; store it to verify deliveries
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
        };
        /**
         * @example job.completed
         * @enum {string}
         */
        WebhookEventType: "asset.ready" | "asset.failed" | "asset.deleted" | "upload.completed" | "job.started" | "job.completed" | "job.failed" | "job.cancelled" | "transcript.ready" | "scenes.ready" | "quiz.ready" | "export.ready";
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The API is up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInfo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Service information */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Info"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Active keys, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyRequest"];
            };
        };
        responses: {
            /** @description The new key, including its only plaintext copy */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the API key (not the key itself) */
                key_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked; the key is rejected from the next request on */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    streamProjectEvents: {
        parameters: {
            query?: {
                access_token?: string;
                /** @description The last event id received, to replay what followed it (as the Last-Event-ID header does) */
                last_event_id?: string;
                /** @description Comma-separated event types to receive (default: all): asset.ready, asset.failed, asset.deleted, upload.completed, job.started, job.completed, job.failed, job.cancelled, transcript.ready, scenes.ready, quiz.ready, export.ready */
                types?: string;
            };
            header?: {
                /** @description Last-Event-ID: the last event id received, to replay what followed it */
                "last-event-id"?: string;
            };
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the resource's current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    projectEventsWebSocket: {
        parameters: {
            query?: {
                access_token?: string;
                /** @description The last event id received, to replay what followed it (as the Last-Event-ID header does) */
                last_event_id?: string;
                /** @description Comma-separated event types to receive (default: all): asset.ready, asset.failed, asset.deleted, upload.completed, job.started, job.completed, job.failed, job.cancelled, transcript.ready, scenes.ready, quiz.ready, export.ready */
                types?: string;
            };
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switching protocols to a WebSocket */
            101: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the resource's current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listExports: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's next_cursor */
                cursor?: string;
                /** @description Page size (1-200) */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the project's exports, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetList"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Asset id, as returned by the upload */
                asset_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export and everything derived from it are gone */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExportContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Asset id, as returned by the upload */
                asset_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole export */
            200: {
                headers: {
                    /** @description bytes */
                    "Accept-Ranges"?: string;
                    /** @description Bytes in this answer's body */
                    "Content-Length"?: number;
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "video/mp4": string;
                    "video/quicktime": string;
                    "video/webm": string;
                };
            };
            /** @description The requested byte range */
            206: {
                headers: {
                    /** @description bytes */
                    "Accept-Ranges"?: string;
                    /** @description Bytes in this answer's body */
                    "Content-Length"?: number;
                    /** @description bytes first-last/size */
                    "Content-Range"?: string;
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "video/mp4": string;
                    "video/quicktime": string;
                    "video/webm": string;
                };
            };
            /** @description Not modified since the validators the client sent */
            304: {
                headers: {
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Range not satisfiable */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    headExportContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Asset id, as returned by the upload */
                asset_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole export */
            200: {
                headers: {
                    /** @description bytes */
                    "Accept-Ranges"?: string;
                    /** @description Bytes in this answer's body */
                    "Content-Length"?: number;
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The requested byte range */
            206: {
                headers: {
                    /** @description bytes */
                    "Accept-Ranges"?: string;
                    /** @description Bytes in this answer's body */
                    "Content-Length"?: number;
                    /** @description bytes first-last/size */
                    "Content-Range"?: string;
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not modified since the validators the client sent */
            304: {
                headers: {
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Range not satisfiable */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getExportThumbnail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Asset id, as returned by the upload */
                asset_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole thumbnail */
            200: {
                headers: {
                    /** @description bytes */
                    "Accept-Ranges"?: string;
                    /** @description Bytes in this answer's body */
                    "Content-Length"?: number;
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                };
            };
            /** @description The requested byte range */
            206: {
                headers: {
                    /** @description bytes */
                    "Accept-Ranges"?: string;
                    /** @description Bytes in this answer's body */
                    "Content-Length"?: number;
                    /** @description bytes first-last/size */
                    "Content-Range"?: string;
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                };
            };
            /** @description Not modified since the validators the client sent */
            304: {
                headers: {
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Range not satisfiable */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    headExportThumbnail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Asset id, as returned by the upload */
                asset_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole thumbnail */
            200: {
                headers: {
                    /** @description bytes */
                    "Accept-Ranges"?: string;
                    /** @description Bytes in this answer's body */
                    "Content-Length"?: number;
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The requested byte range */
            206: {
                headers: {
                    /** @description bytes */
                    "Accept-Ranges"?: string;
                    /** @description Bytes in this answer's body */
                    "Content-Length"?: number;
                    /** @description bytes first-last/size */
                    "Content-Range"?: string;
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not modified since the validators the client sent */
            304: {
                headers: {
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Range not satisfiable */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getGlossary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The glossary */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Glossary"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putGlossary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GlossaryRequest"];
            };
        };
        responses: {
            /** @description The glossary as stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Glossary"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    uploadImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The image to upload
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description The image was stored and registered */
            201: {
                headers: {
                    /** @description The new asset's path */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Asset"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listJobs: {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string;
                job_type?: "ingest" | "transcription" | "scene_detection" | "export" | "quiz_generation" | "translation" | "chapters" | "quiz_review_clips";
                limit?: number;
                /** @description Only jobs in these statuses; repeat for several (status=queued&status=running) */
                status?: ("queued" | "running" | "completed" | "failed" | "cancelled") | ("queued" | "running" | "completed" | "failed" | "cancelled")[];
            };
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of jobs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobList"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateJobRequest"];
            };
        };
        responses: {
            /** @description The queued job */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cancelled job */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the resource's current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    streamJobEvents: {
        parameters: {
            query?: {
                access_token?: string;
            };
            header?: {
                /** @description Last-Event-ID: the last event id received, to replay what was missed */
                "last-event-id"?: string;
            };
            path: {
                job_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream of job snapshots */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    jobEventsWebSocket: {
        parameters: {
            query?: {
                access_token?: string;
                /** @description The last event id received, to replay what was missed after a reconnect */
                last_event_id?: string;
            };
            header?: never;
            path: {
                job_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switching protocols to a WebSocket */
            101: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    uploadMusic: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The music file to upload
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description The music file was stored and registered */
            201: {
                headers: {
                    /** @description The new asset's path */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Asset"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listQuizzes: {
        parameters: {
            query?: {
                /** @description Only the quizzes of this video */
                asset_id?: string;
                /** @description Opaque cursor from the previous page's next_cursor */
                cursor?: string;
                /** @description Page size (1-200) */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of quizzes, without their questions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuizList"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getQuiz: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                quiz_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The quiz */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quiz"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteQuiz: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                quiz_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateQuiz: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                quiz_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateQuiz"];
            };
        };
        responses: {
            /** @description The quiz after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quiz"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listQuizAttempts: {
        parameters: {
            query?: {
                /** @description The app's own, opaque id for the learner */
                learner_id?: string;
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                quiz_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The attempts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttemptList"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    startQuizAttempt: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key never makes a second attempt */
                "idempotency-key"?: string;
            };
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                quiz_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["StartAttemptRequest"];
            };
        };
        responses: {
            /** @description The attempt an earlier start with the same Idempotency-Key made */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttemptStart"];
                };
            };
            /** @description The new attempt */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttemptStart"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the resource's current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getQuizAttempt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attempt_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                quiz_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The attempt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attempt"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    saveQuizAnswer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attempt_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                question_id: string;
                quiz_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GivenAnswer"];
            };
        };
        responses: {
            /** @description Saved */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the resource's current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    submitQuizAttempt: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key never makes a second attempt */
                "idempotency-key"?: string;
            };
            path: {
                attempt_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                quiz_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The score and each question's result */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttemptResult"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the resource's current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportQuiz: {
        parameters: {
            query: {
                /** @description Export format */
                format: "gift" | "moodle_xml" | "qti" | "json" | "vtt";
            };
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                quiz_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example 3f0c9a2e-8a4b-4a57-9b0e-2d6c1f7e5a10 */
                        asset_id: string;
                        /** @description As the generation counted them (later edits do not change them) */
                        counts: {
                            /** @example 12 */
                            generated: number;
                            /** @example 10 */
                            kept: number;
                            /** @example 2 */
                            rejected: number;
                            /** @example 10 */
                            requested: number;
                        };
                        /** @example 2026-11-24T03:00:00.000Z */
                        created_at: string;
                        /**
                         * @description True when some question's evidence was checked against an older transcript of the video
                         * @example false
                         */
                        evidence_stale: boolean;
                        /** @example 5b0c1f3e-9d2a-4c6b-8e7f-1a2b3c4d5e6f */
                        id: string;
                        job_id: string | null;
                        /** @example en */
                        language: string;
                        /** @example gpt-4o-mini */
                        model: string;
                        parameters: components["schemas"]["QuizParameters"];
                        /** @example lesson-app */
                        project_id: string;
                        /** @example quiz-v1 */
                        prompt_version: string;
                        /** @example null */
                        published_at: string | null;
                        questions: components["schemas"]["QuizQuestion"][];
                        /**
                         * @description Seed of the option order
                         * @example 2718281828
                         */
                        seed: number;
                        /**
                         * @example draft
                         * @enum {string}
                         */
                        status: "draft" | "published";
                        /** @example Quiz: photosynthesis */
                        title: string;
                        /** @description The transcript the quiz was generated from */
                        transcript_id: string;
                        /** @example 2026-11-24T03:00:00.000Z */
                        updated_at: string;
                        usage: {
                            completion_tokens: number;
                            prompt_tokens: number;
                            requests: number;
                            total_tokens: number;
                        };
                    };
                    "application/xml": string;
                    "application/zip": string;
                    "text/plain": string;
                    "text/vtt": string;
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createLearnerToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                quiz_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLearnerTokenRequest"];
            };
        };
        responses: {
            /** @description The token */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LearnerToken"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the resource's current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addQuizQuestion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                quiz_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateQuizQuestion"];
            };
        };
        responses: {
            /** @description The new question */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuizQuestion"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the resource's current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteQuizQuestion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                question_id: string;
                quiz_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateQuizQuestion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                question_id: string;
                quiz_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateQuizQuestion"];
            };
        };
        responses: {
            /** @description The question after the edit */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuizQuestion"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the resource's current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listQuizReviewClips: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                quiz_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The clips, by start time */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuizReviewClipList"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getQuizStats: {
        parameters: {
            query?: {
                version?: number;
            };
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                quiz_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statistics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuizStats"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    searchTranscripts: {
        parameters: {
            query: {
                /** @description Only this video */
                asset_id?: string;
                cursor?: string;
                /** @description Spoken language hint for Whisper (ISO-639-1); detected when absent */
                language?: string;
                limit?: number;
                q: string;
            };
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The hits, best first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchResult"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    wipeProjectStorage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was removed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedObjects"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProjectStorageStats: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project's storage statistics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectStorageStats"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createStreamToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateStreamTokenRequest"];
            };
        };
        responses: {
            /** @description A signed token scoped to this project */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StreamToken"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createResumableUpload: {
        parameters: {
            query?: {
                /** @description Signed token of a direct upload URL (instead of an API key); the URLs this API returns carry it */
                token?: string;
            };
            header?: {
                /** @description application/offset+octet-stream when the request carries the first bytes */
                "content-type"?: string;
                /** @description Protocol version; must be 1.0.0 (412 otherwise) */
                "tus-resumable"?: string;
                /** @description With a body (creation-with-upload): `sha1 <base64>` of it */
                "upload-checksum"?: string;
                /** @description Total size in bytes, at most Tus-Max-Size (413 otherwise) */
                "upload-length"?: string;
                /** @description Comma-separated `key base64value` pairs; `filename` (a .mp4, .mov or .avi name) or a video `filetype` is required */
                "upload-metadata"?: string;
            };
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/offset+octet-stream": string;
            };
        };
        responses: {
            /** @description Created; PATCH the Location to upload */
            201: {
                headers: {
                    /** @description The video asset the upload became, once complete */
                    "Asset-Id"?: string;
                    /** @description The upload's URL */
                    Location?: string;
                    /** @description Always 1.0.0 */
                    "Tus-Resumable"?: string;
                    /** @description When an unfinished upload expires (RFC 9110 date) */
                    "Upload-Expires"?: string;
                    /** @description Bytes the server has stored */
                    "Upload-Offset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the resource's current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            460: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    describeResumableUploads: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What this tus server supports */
            204: {
                headers: {
                    /** @description sha1 */
                    "Tus-Checksum-Algorithm"?: string;
                    /** @description creation,creation-with-upload,termination,expiration,checksum */
                    "Tus-Extension"?: string;
                    /** @description RESUMABLE_UPLOAD_MAX_SIZE */
                    "Tus-Max-Size"?: number;
                    /** @description 1.0.0 */
                    "Tus-Resumable"?: string;
                    /** @description 1.0.0 */
                    "Tus-Version"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getResumableUpload: {
        parameters: {
            query?: {
                /** @description Signed token of a direct upload URL (instead of an API key); the URLs this API returns carry it */
                token?: string;
            };
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                /** @description Upload id from the creation's Location (^[0-9a-f]{32}$) */
                upload_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upload */
            200: {
                headers: {
                    /** @description The video asset the upload became, once complete */
                    "Asset-Id"?: string;
                    /** @description no-store */
                    "Cache-Control"?: string;
                    /** @description Always 1.0.0 */
                    "Tus-Resumable"?: string;
                    /** @description When an unfinished upload expires (RFC 9110 date) */
                    "Upload-Expires"?: string;
                    /** @description The upload's total size */
                    "Upload-Length"?: number;
                    /** @description The metadata given at creation */
                    "Upload-Metadata"?: string;
                    /** @description Bytes the server has stored */
                    "Upload-Offset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResumableUpload"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    terminateResumableUpload: {
        parameters: {
            query?: {
                /** @description Signed token of a direct upload URL (instead of an API key); the URLs this API returns carry it */
                token?: string;
            };
            header?: {
                /** @description Protocol version; must be 1.0.0 (412 otherwise) */
                "tus-resumable"?: string;
            };
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                /** @description Upload id from the creation's Location (^[0-9a-f]{32}$) */
                upload_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Terminated; the upload answers 410 from now on */
            204: {
                headers: {
                    /** @description 1.0.0 */
                    "Tus-Resumable"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the resource's current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    headResumableUpload: {
        parameters: {
            query?: {
                /** @description Signed token of a direct upload URL (instead of an API key); the URLs this API returns carry it */
                token?: string;
            };
            header?: {
                /** @description Protocol version; must be 1.0.0 (412 otherwise) */
                "tus-resumable"?: string;
            };
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                /** @description Upload id from the creation's Location (^[0-9a-f]{32}$) */
                upload_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Upload-Offset and Upload-Length in headers, no body */
            200: {
                headers: {
                    /** @description The video asset the upload became, once complete */
                    "Asset-Id"?: string;
                    /** @description no-store */
                    "Cache-Control"?: string;
                    /** @description Always 1.0.0 */
                    "Tus-Resumable"?: string;
                    /** @description When an unfinished upload expires (RFC 9110 date) */
                    "Upload-Expires"?: string;
                    /** @description The upload's total size */
                    "Upload-Length"?: number;
                    /** @description The metadata given at creation */
                    "Upload-Metadata"?: string;
                    /** @description Bytes the server has stored */
                    "Upload-Offset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    appendResumableUpload: {
        parameters: {
            query?: {
                /** @description Signed token of a direct upload URL (instead of an API key); the URLs this API returns carry it */
                token?: string;
            };
            header?: {
                /** @description Must be application/offset+octet-stream (415 otherwise) */
                "content-type"?: string;
                /** @description Protocol version; must be 1.0.0 (412 otherwise) */
                "tus-resumable"?: string;
                /** @description Optional `sha1 <base64>` of this request's body (460 on mismatch) */
                "upload-checksum"?: string;
                /** @description Offset this chunk starts at; must equal the upload's offset (409 otherwise) */
                "upload-offset"?: string;
            };
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                /** @description Upload id from the creation's Location (^[0-9a-f]{32}$) */
                upload_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/offset+octet-stream": string;
            };
        };
        responses: {
            /** @description Stored; Upload-Offset is the new offset */
            204: {
                headers: {
                    /** @description The video asset the upload became, once complete */
                    "Asset-Id"?: string;
                    /** @description Always 1.0.0 */
                    "Tus-Resumable"?: string;
                    /** @description When an unfinished upload expires (RFC 9110 date) */
                    "Upload-Expires"?: string;
                    /** @description Bytes the server has stored */
                    "Upload-Offset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the resource's current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            460: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createDirectUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["DirectUploadRequest"];
            };
        };
        responses: {
            /** @description The upload URL */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectUpload"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listVideos: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's next_cursor */
                cursor?: string;
                /** @description Page size (1-200) */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the project's videos, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetList"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    uploadVideo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The video to upload
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description The video was stored and registered */
            201: {
                headers: {
                    /** @description The new asset's path */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Asset"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getVideo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Asset id, as returned by the upload */
                asset_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The video */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Asset"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteVideo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Asset id, as returned by the upload */
                asset_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The video and everything derived from it are gone */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getVideoChapters: {
        parameters: {
            query?: {
                /** @description Response format */
                format?: "json" | "vtt";
            };
            header?: never;
            path: {
                /** @description Asset id, as returned by the upload */
                asset_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The chapters and summary */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChapterRun"];
                    "text/vtt": string;
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getVideoScenes: {
        parameters: {
            query?: {
                criteria?: string;
                tone?: string;
            };
            header?: never;
            path: {
                /** @description Asset id, as returned by the upload */
                asset_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A scene run */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SceneRun"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getVideoTranscript: {
        parameters: {
            query?: {
                /** @description Response format */
                format?: "json" | "srt" | "vtt";
                /** @description `word`: `words` in the JSON answer, caption-sized SRT/VTT cues from word timings (the transcript's own language only) */
                granularity?: "segment" | "word";
                /** @description ISO 639-1: a translation made by a `translation` job; the transcript's own language is the original */
                language?: string;
                /** @description Characters a caption line may hold (SRT/VTT with `granularity=word`) */
                max_line_chars?: number;
            };
            header?: never;
            path: {
                /** @description Asset id, as returned by the upload */
                asset_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The transcript */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transcript"];
                    "application/x-subrip": string;
                    "text/vtt": string;
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTranscriptLanguages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Asset id, as returned by the upload */
                asset_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The languages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TranscriptLanguages"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getVideoContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Asset id, as returned by the upload */
                asset_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole video */
            200: {
                headers: {
                    /** @description bytes */
                    "Accept-Ranges"?: string;
                    /** @description Bytes in this answer's body */
                    "Content-Length"?: number;
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "video/mp4": string;
                    "video/quicktime": string;
                    "video/x-msvideo": string;
                };
            };
            /** @description The requested byte range */
            206: {
                headers: {
                    /** @description bytes */
                    "Accept-Ranges"?: string;
                    /** @description Bytes in this answer's body */
                    "Content-Length"?: number;
                    /** @description bytes first-last/size */
                    "Content-Range"?: string;
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "video/mp4": string;
                    "video/quicktime": string;
                    "video/x-msvideo": string;
                };
            };
            /** @description Not modified since the validators the client sent */
            304: {
                headers: {
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Range not satisfiable */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    headVideoContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Asset id, as returned by the upload */
                asset_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole video */
            200: {
                headers: {
                    /** @description bytes */
                    "Accept-Ranges"?: string;
                    /** @description Bytes in this answer's body */
                    "Content-Length"?: number;
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The requested byte range */
            206: {
                headers: {
                    /** @description bytes */
                    "Accept-Ranges"?: string;
                    /** @description Bytes in this answer's body */
                    "Content-Length"?: number;
                    /** @description bytes first-last/size */
                    "Content-Range"?: string;
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not modified since the validators the client sent */
            304: {
                headers: {
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Range not satisfiable */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getVideoStoryboard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Asset id, as returned by the upload */
                asset_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Where each tile sits in the sprite */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Storyboard"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getVideoStoryboardSprite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Asset id, as returned by the upload */
                asset_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole storyboard sprite */
            200: {
                headers: {
                    /** @description bytes */
                    "Accept-Ranges"?: string;
                    /** @description Bytes in this answer's body */
                    "Content-Length"?: number;
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                };
            };
            /** @description The requested byte range */
            206: {
                headers: {
                    /** @description bytes */
                    "Accept-Ranges"?: string;
                    /** @description Bytes in this answer's body */
                    "Content-Length"?: number;
                    /** @description bytes first-last/size */
                    "Content-Range"?: string;
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                };
            };
            /** @description Not modified since the validators the client sent */
            304: {
                headers: {
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Range not satisfiable */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    headVideoStoryboardSprite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Asset id, as returned by the upload */
                asset_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole storyboard sprite */
            200: {
                headers: {
                    /** @description bytes */
                    "Accept-Ranges"?: string;
                    /** @description Bytes in this answer's body */
                    "Content-Length"?: number;
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The requested byte range */
            206: {
                headers: {
                    /** @description bytes */
                    "Accept-Ranges"?: string;
                    /** @description Bytes in this answer's body */
                    "Content-Length"?: number;
                    /** @description bytes first-last/size */
                    "Content-Range"?: string;
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not modified since the validators the client sent */
            304: {
                headers: {
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Range not satisfiable */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getVideoThumbnail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Asset id, as returned by the upload */
                asset_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole thumbnail */
            200: {
                headers: {
                    /** @description bytes */
                    "Accept-Ranges"?: string;
                    /** @description Bytes in this answer's body */
                    "Content-Length"?: number;
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                };
            };
            /** @description The requested byte range */
            206: {
                headers: {
                    /** @description bytes */
                    "Accept-Ranges"?: string;
                    /** @description Bytes in this answer's body */
                    "Content-Length"?: number;
                    /** @description bytes first-last/size */
                    "Content-Range"?: string;
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                };
            };
            /** @description Not modified since the validators the client sent */
            304: {
                headers: {
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Range not satisfiable */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    headVideoThumbnail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Asset id, as returned by the upload */
                asset_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole thumbnail */
            200: {
                headers: {
                    /** @description bytes */
                    "Accept-Ranges"?: string;
                    /** @description Bytes in this answer's body */
                    "Content-Length"?: number;
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The requested byte range */
            206: {
                headers: {
                    /** @description bytes */
                    "Accept-Ranges"?: string;
                    /** @description Bytes in this answer's body */
                    "Content-Length"?: number;
                    /** @description bytes first-last/size */
                    "Content-Range"?: string;
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not modified since the validators the client sent */
            304: {
                headers: {
                    /** @description Strong entity tag; send it back in If-None-Match, If-Match or If-Range */
                    ETag?: string;
                    /** @description When the file was stored */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Range not satisfiable */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every endpoint, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointList"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookRequest"];
            };
        };
        responses: {
            /** @description The endpoint, with its only plaintext copy of the signing secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the resource's current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint and its delivery log are gone */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookRequest"];
            };
        };
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description Page size (1-100) */
                limit?: number;
                /** @description Only deliveries in this state */
                status?: "pending" | "succeeded" | "failed";
            };
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryList"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    retryWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                delivery_id: string;
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery, pending */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the resource's current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replayWebhookDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplayWebhookRequest"];
            };
        };
        responses: {
            /** @description How many deliveries were started again */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayWebhookResult"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the resource's current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint with its new secret, shown only here */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    testWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit */
                project_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery after its first attempt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description Bad request or malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Resource not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Request validation failed (field-level details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStorageStats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Storage statistics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageStats"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials do not grant access to this resource */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited or queue full; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
