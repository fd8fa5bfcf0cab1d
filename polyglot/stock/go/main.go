// The whole flow with the stock Go client generated from openapi/vidu.yaml alone, against
// `vidu sandbox serve --unlisted-state scheduled --extra-field ...`. Prints one line per step and
// exits non-zero on the first failure.
package main

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"net/http"
	"os"
	"time"

	openapi "github.com/GIT_USER_ID/GIT_REPO_ID"
)

func step(name string, ok bool, detail interface{}) {
	if ok {
		fmt.Printf("PASS %s: %v\n", name, detail)
		return
	}
	fmt.Printf("FAIL %s: %v\n", name, detail)
	os.Exit(1)
}

func must(name string, err error) {
	if err != nil {
		step(name, false, err)
	}
}

func chunk(out *bytes.Buffer, kind string, data []byte) {
	binary.Write(out, binary.BigEndian, uint32(len(data)))
	out.WriteString(kind)
	out.Write(data)
	binary.Write(out, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(kind), data...)))
}

func png(width, height int) []byte {
	var out bytes.Buffer
	out.Write([]byte("\x89PNG\r\n\x1a\n"))
	header := make([]byte, 13)
	binary.BigEndian.PutUint32(header[0:], uint32(width))
	binary.BigEndian.PutUint32(header[4:], uint32(height))
	header[8], header[9] = 8, 2
	chunk(&out, "IHDR", header)
	var rows bytes.Buffer
	w := zlib.NewWriter(&rows)
	w.Write(make([]byte, height*(1+width*3)))
	w.Close()
	chunk(&out, "IDAT", rows.Bytes())
	chunk(&out, "IEND", nil)
	return out.Bytes()
}

func poll(ctx context.Context, api *openapi.APIClient, id string) (*openapi.TaskCreations, []string) {
	var seen []string
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		task, _, err := api.TasksAPI.GetTaskCreations(ctx, id).Execute()
		must("poll "+id, err)
		seen = append(seen, task.GetState())
		if task.GetState() == "success" || task.GetState() == "failed" {
			return task, seen
		}
		time.Sleep(200 * time.Millisecond)
	}
	step("poll "+id, false, seen)
	return nil, seen
}

func main() {
	unlisted, extra := os.Getenv("FLOW_UNLISTED_STATE"), os.Getenv("FLOW_EXTRA_FIELD")
	cfg := openapi.NewConfiguration()
	cfg.Servers = openapi.ServerConfigurations{{URL: os.Getenv("VIDU_BASE_URL")}}
	api := openapi.NewAPIClient(cfg)
	ctx := context.WithValue(context.Background(), openapi.ContextAPIKeys,
		map[string]openapi.APIKey{"TokenAuth": {Key: os.Getenv("VIDU_API_KEY"), Prefix: "Token"}})
	before := time.Now().UTC().Add(-time.Minute)

	textReq := openapi.NewReferenceToImageRequest("viduq2", "a red fox")
	textReq.SetResolution("2K")
	text, _, err := api.GenerationAPI.CreateReferenceToImage(ctx).ReferenceToImageRequest(*textReq).Execute()
	must("create text-to-image", err)
	step("create text-to-image", text.GetState() == "created", text.GetTaskId())
	step("unknown field kept", text.AdditionalProperties[extra] != nil, fmt.Sprint(extra, "=", text.AdditionalProperties[extra]))

	imageReq := openapi.NewReferenceToImageRequest("viduq1", "watercolour")
	imageReq.SetImages([]string{"data:image/png;base64," + base64.StdEncoding.EncodeToString(png(160, 128))})
	withImage, _, err := api.GenerationAPI.CreateReferenceToImage(ctx).ReferenceToImageRequest(*imageReq).Execute()
	must("create with an image", err)
	step("create with an image", withImage.GetTaskId() != "", withImage.GetTaskId())

	for _, id := range []string{text.GetTaskId(), withImage.GetTaskId()} {
		task, seen := poll(ctx, api, id)
		step("poll through the unlisted state", seen[0] == unlisted && task.GetState() == "success", seen)
		response, err := http.Get(task.Creations[0].GetUrl())
		must("download a PNG", err)
		body, _ := io.ReadAll(io.LimitReader(response.Body, 50<<20))
		response.Body.Close()
		ok := len(body) > 24 && bytes.Equal(body[:8], []byte("\x89PNG\r\n\x1a\n"))
		step("download a PNG", ok && binary.BigEndian.Uint32(body[16:]) > 0,
			fmt.Sprintf("%dx%d", binary.BigEndian.Uint32(body[16:]), binary.BigEndian.Uint32(body[20:])))
	}

	listed, _, err := api.TasksAPI.ListTasks(ctx).CreatedAtFrom(before).PagerPagesz(100).Execute()
	must("list with created_at.from", err)
	found := false
	for _, t := range listed.Tasks {
		found = found || t.GetId() == text.GetTaskId()
	}
	step("list with created_at.from", found, fmt.Sprint(len(listed.Tasks), " tasks"))

	credits, _, err := api.AccountAPI.GetCredits(ctx).ShowDetail(true).Execute()
	must("credits", err)
	step("credits", len(credits.Remains)+len(credits.RemainingCredits) > 0, "ok")

	cancelReq := openapi.NewReferenceToImageRequest("viduq2", "cancel me")
	toCancel, _, err := api.GenerationAPI.CreateReferenceToImage(ctx).ReferenceToImageRequest(*cancelReq).Execute()
	must("cancel", err)
	_, _, err = api.TasksAPI.CancelTask(ctx, toCancel.GetTaskId()).CancelTaskRequest(*openapi.NewCancelTaskRequest(toCancel.GetTaskId())).Execute()
	must("cancel", err)
	cancelled, _ := poll(ctx, api, toCancel.GetTaskId())
	step("cancel", cancelled.GetState() == "failed" && cancelled.GetErrCode() == "UserCancelled",
		cancelled.GetState()+"/"+cancelled.GetErrCode())

	_, response, err := api.TasksAPI.GetTaskCreations(ctx, "1").Execute()
	var apiErr *openapi.GenericOpenAPIError
	if !errors.As(err, &apiErr) {
		step("typed 404", false, err)
	}
	reason := ""
	switch m := apiErr.Model().(type) {
	case openapi.ErrorResponse:
		reason = m.GetReason()
	case *openapi.ErrorResponse:
		reason = m.GetReason()
	}
	step("typed 404", response.StatusCode == 404 && reason == "TaskNotFound", fmt.Sprint(response.StatusCode, " ", reason))
}
