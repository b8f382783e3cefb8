package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
)

// Pulumi's .NET generator downloads the package's logo (the schema's logoUrl, else this Pulumi logo on GitHub) into
// the SDK as logo.png. These tests run offline, so the host answers that one URL with a plain 64x64 image of its
// own making, and refuses any other download naming it.
const defaultLogoURL = "https://raw.githubusercontent.com/pulumi/pulumi/" +
	"dbc96206bec722b7791a22ff50e895ab7c0abdc0/sdk/dotnet/pulumi_logo_64x64.png"

type offlineLogo struct{}

func (offlineLogo) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.String() != defaultLogoURL {
		return nil, fmt.Errorf("aks-trusted-access's test build of pulumi-language-dotnet runs offline: "+
			"the download of %s was refused (set no logoUrl in the schema, or generate the SDK online)", req.URL)
	}
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	img.Set(32, 32, color.Black)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return &http.Response{
		StatusCode: http.StatusOK,
		Status:     "200 OK",
		Header:     http.Header{"Content-Type": []string{"image/png"}},
		Body:       io.NopCloser(&buf),
		Request:    req,
	}, nil
}
